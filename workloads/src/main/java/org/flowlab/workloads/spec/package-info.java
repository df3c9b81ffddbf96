/**
 * Typed, validated reading of scenario settings: every malformed or out-of-range field becomes one line naming the file, the field's path and what is allowed.
 */
package org.flowlab.workloads.spec;
