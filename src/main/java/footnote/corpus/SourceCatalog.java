package footnote.corpus;

import java.util.List;
import java.util.Set;

/** Lists the sources that answer for the given scopes, with their status. */
public interface SourceCatalog {

    List<SourceStatus> list(Set<Scope> scopes);
}
