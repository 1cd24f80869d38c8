/**
 * Turning a question into an answer: reading it as members type it, judging each retrieved passage against what
 * the question asks and the constraints it sets, deciding with the trained answer model whether any passage
 * answers, and quoting the sentences (and the clause) that do, with citations. Declines and small talk are outcomes
 * too; the words are the renderers'.
 */
package footnote.answer;
