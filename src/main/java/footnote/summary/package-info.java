/**
 * A short summary on top of an answer's excerpts, written only from those excerpts and checked against them before
 * it is shown: the extractive one (no model), the prompt a model is sent, reading its reply, the checks every
 * summary must pass, and the fallback to the extractive summary.
 */
package footnote.summary;
