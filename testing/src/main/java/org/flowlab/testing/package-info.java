/**
 * How every module's jqwik properties are run, shared as a test-scoped jar: {@link
 * org.flowlab.testing.SeedPolicy}, a lifecycle hook registered through {@code META-INF/services},
 * gives each property a fixed seed derived from its name (or, in the explore profile, a fresh one
 * and more tries) and prints how to run a failing one again; {@link
 * org.flowlab.testing.PropertyRunSettings} reads the mode from system properties.
 */
package org.flowlab.testing;
