/** Operator settings: read from YAML, checked at start-up, with defaults for everything left out. */
package footnote.config;
