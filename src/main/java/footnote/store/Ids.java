package footnote.store;

import java.util.regex.Pattern;

/** Ids that become file names: plain names only, so none can reach outside its folder. */
final class Ids {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private Ids() {}

    static String checked(String id) {
        if (!PLAIN.matcher(id).matches()) {
            throw new IllegalArgumentException("not a valid id: " + id);
        }
        return id;
    }
}
