/**
 * A short summary on top of an answer's excerpts, written only from those excerpts, checked against them before it
 * is shown, and adding to them rather than quoting them again: the extractive one (the answer span, no model), the
 * prompt a model is sent, reading its reply, the checks every summary must pass, and the fallback to the extractive
 * summary.
 */
package footnote.summary;
