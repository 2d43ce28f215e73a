/** Seeds derived from points, and the named generator every random draw comes from. */
package org.overparam.random;
