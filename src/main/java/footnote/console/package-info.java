/** The terminal chat: reads questions and commands from a terminal or a pipe and prints the replies. */
package footnote.console;
