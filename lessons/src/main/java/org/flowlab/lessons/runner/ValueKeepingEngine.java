package org.flowlab.lessons.runner;

import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's local execution engine (snippets run in this JVM, on the calling thread) that also keeps
 * the object a snippet evaluated to. JShell hands out only a value's text; a chart has to be drawn
 * from the object itself.
 */
final class ValueKeepingEngine implements ExecutionControlProvider {
    private Control control;

    @Override
    public String name() {
        return "flowlab-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        if (control != null) {
            throw new IllegalStateException("one engine serves one JShell");
        }
        control = new Control();
        return control;
    }

    /** Forgets the last value, before a snippet runs. */
    void clearValue() {
        control().value = null;
    }

    /** What the last snippet run since {@link #clearValue} evaluated to (null for none, or for null). */
    Object value() {
        return control().value;
    }

    private Control control() {
        if (control == null) {
            throw new IllegalStateException("the JShell using this engine has not started it");
        }
        return control;
    }

    private static final class Control extends LocalExecutionControl {
        private Object value;

        /**
         * Runs the snippet on the calling thread (the stock local engine starts a thread per snippet
         * so that it can be stopped; a lesson is never stopped) and keeps what it returned.
         */
        @Override
        protected String invoke(Method doitMethod) throws Exception {
            value = doitMethod.invoke(null);
            return valueString(value);
        }
    }
}
