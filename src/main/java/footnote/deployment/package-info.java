/** Work that must run once per deployment however many bot processes run: which process does it, and when. */
package footnote.deployment;
