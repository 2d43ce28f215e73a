/** Objectives: the landscapes that solvers descend and certificates inspect. One sub-package per family. */
package org.overparam.problem;
