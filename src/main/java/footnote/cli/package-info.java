/** The command line: the composition root ({@link footnote.cli.App}) and the run, ask, index and eval commands. */
package footnote.cli;
