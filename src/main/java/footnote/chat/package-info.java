/** The commands people type, in the terminal or in Discord, the replies they get, and how replies are rendered. */
package footnote.chat;
