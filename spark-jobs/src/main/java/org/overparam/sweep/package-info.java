/**
 * The sweep engine: plan the points of a spec, drop those already in the output, run the rest on Spark in
 * committed waves, and keep the manifest.
 */
package org.overparam.sweep;
