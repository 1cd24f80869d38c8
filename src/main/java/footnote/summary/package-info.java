/**
 * A short summary on top of an answer's excerpts, written only from those excerpts and checked against them before
 * it is shown: the extractive one (no model) and the checks any summary must pass.
 */
package footnote.summary;
