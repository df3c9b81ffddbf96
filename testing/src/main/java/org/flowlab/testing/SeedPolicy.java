package org.flowlab.testing;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ThreadLocalRandom;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyAttributes;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The jqwik hook, registered for every property of every module that has this jar on its test
 * class path (through {@code META-INF/services}), that decides each property's seed and tries
 * before it runs, as {@link PropertyRunSettings} says:
 * <ul>
 *   <li>fixed mode (the default): the seed is {@link #derivedSeed} of the property's identity,
 *       {@code <container class>#<method>}, so a property draws the same cases on every run and
 *       adding or renaming one never changes another's;</li>
 *   <li>explore mode: a fresh random seed, and the tries multiplied.</li>
 * </ul>
 * A seed written in {@code @Property(seed = ...)} is kept in both modes. Either way a previous
 * failure stored in jqwik's database never changes what a run draws (after-failure mode
 * {@code RANDOM_SEED}: the seed above is used, no stored sample is tried first), so a verdict
 * depends on the commit alone. When a property fails, the hook prints its seed and a command that
 * runs it again with that seed.
 */
public final class SeedPolicy implements AroundPropertyHook {
    /** jqwik's tries when a property names none; no {@code jqwik.tries.default} changes it here. */
    static final int JQWIK_DEFAULT_TRIES = 1000;

    /** Registered once, at the root of jqwik's tests: it must reach every property below. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    /** Outermost, so that it sees the verdict of every other hook: of jqwik's coverage checks (at -50) too. */
    @Override
    public int aroundPropertyProximity() {
        return -1000;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        PropertyRunSettings settings = PropertyRunSettings.fromSystemProperties();
        PropertyAttributes attributes = context.attributes();
        String identity = identity(context.containerClass(), context.targetMethod());
        if (attributes.seed().isEmpty()) {
            attributes.setSeed(Long.toString(seedFor(identity, settings)));
        }
        if (attributes.afterFailure().isEmpty()) {
            attributes.setAfterFailure(AfterFailureMode.RANDOM_SEED);
        }
        // Examples and properties without generated parameters would only repeat themselves.
        if (settings.explore() && drawsParameters(context.targetMethod())) {
            attributes.setTries(attributes.tries().orElse(JQWIK_DEFAULT_TRIES) * settings.triesFactor());
        }
        PropertyExecutionResult result = property.execute();
        if (result.status() == PropertyExecutionResult.Status.FAILED) {
            String seed = result.seed().orElse(attributes.seed().orElse("?"));
            System.out.println(failureReport(context.containerClass(), context.targetMethod(), seed,
                    attributes.tries().orElse(JQWIK_DEFAULT_TRIES), settings, moduleFolder()));
        }
        return result;
    }

    /** A property's stable name: the class that runs it (for a property inherited from an interface, the implementing class) and its method. */
    static String identity(Class<?> container, Method method) {
        return container.getName() + "#" + method.getName();
    }

    /** The seed of a property with this identity in a run with these settings. */
    static long seedFor(String identity, PropertyRunSettings settings) {
        if (settings.seed().isPresent()) {
            return settings.seed().get();
        }
        return settings.explore() ? ThreadLocalRandom.current().nextLong() : derivedSeed(identity);
    }

    /**
     * The fixed seed of a property: the first 8 bytes of the SHA-256 of its identity's UTF-8 bytes,
     * read as a big-endian signed long. A hash, not a counter, so no property's seed depends on
     * which others exist; the same as
     * {@code printf '%s' 'org.flowlab.X#y' | sha256sum | cut -c1-16}, read as a signed 64-bit number.
     */
    public static long derivedSeed(String identity) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static boolean drawsParameters(Method method) {
        for (Parameter p : method.getParameters()) {
            if (p.isAnnotationPresent(ForAll.class)) {
                return true;
            }
        }
        return false;
    }

    /** The module's folder, which surefire runs the tests in: what {@code -pl} takes. */
    private static String moduleFolder() {
        String dir = System.getProperty("basedir", System.getProperty("user.dir"));
        Path name = Path.of(dir).toAbsolutePath().getFileName();
        return name == null ? null : name.toString();
    }

    /**
     * What is printed when a property fails: which one, with which seed, and a command that runs it
     * alone, in the same mode and with the same tries, so that it draws the same cases again.
     */
    static String failureReport(Class<?> container, Method property, String seed, int tries, PropertyRunSettings settings,
                                String module) {
        String method = property.getName();
        StringBuilder command = new StringBuilder("./mvnw -B -ntp verify");
        if (module != null) {
            command.append(" -pl ").append(module).append(" -am");
        }
        if (settings.explore()) {
            command.append(" -Pexplore");
            if (settings.triesFactor() != PropertyRunSettings.DEFAULT_TRIES_FACTOR) {
                command.append(" -D").append(PropertyRunSettings.TRIES_FACTOR).append('=').append(settings.triesFactor());
            }
        }
        command.append(" -D").append(PropertyRunSettings.SEED).append('=').append(seed)
                .append(" -Dtest='").append(container.getSimpleName()).append('#').append(method);
        // Surefire matches a method by the class that declares it: an interface's, for contract properties.
        if (property.getDeclaringClass() != container) {
            command.append(',').append(property.getDeclaringClass().getSimpleName()).append('#').append(method);
        }
        command.append("' -Dsurefire.failIfNoSpecifiedTests=false");
        return "[flowlab] property " + container.getName() + "#" + method + " failed with seed " + seed + " ("
                + tries + " tries, " + (settings.explore() ? "explore" : "fixed") + " seeds)\n"
                + "[flowlab] run it again with: " + command;
    }
}
