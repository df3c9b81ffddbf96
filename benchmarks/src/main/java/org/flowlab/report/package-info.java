/**
 * What a run leaves behind: {@code run.json} (the {@link org.flowlab.report.RunReport} model,
 * pretty-printed with Gson, fields in a fixed order, the shape other tools rely on), the run's
 * folder ({@link org.flowlab.report.RunFolder}: written in a temporary folder and renamed into
 * place, never overwriting another run), the static {@code report.html}
 * ({@link org.flowlab.report.ReportPage}) and {@code results/index.html}
 * ({@link org.flowlab.report.RunIndex}). Simulated figures are pure functions of the scenario,
 * the parameters, the seed and the version; wall-clock figures live only under
 * {@code wallClock} and {@code environment}.
 */
package org.flowlab.report;
