/** Durable per-server state under the data folder: written atomically, read back after restarts. */
package footnote.store;
