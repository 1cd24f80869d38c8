package footnote.ingest;

/** What a repair did for one source whose record was found damaged and set aside. */
public sealed interface Repair {

    String sourceId();

    /** The record was rebuilt from the source's copies and the scope its passages carry in the index. */
    record Restored(SourceRecord record) implements Repair {
        @Override
        public String sourceId() {
            return record.id();
        }
    }

    /** The copies do not say enough to rebuild the record; they stay where they are. */
    record Unrestorable(String sourceId, Why why) implements Repair {}

    enum Why {
        /** The source has no copies left to restore it from. */
        NO_COPIES,
        /** No passage of the source is in the index, so which server it belongs to is unknown. */
        SCOPE_UNKNOWN,
        /** A feed's own address is not kept in its entries' copies. */
        FEED_ADDRESS_UNKNOWN
    }
}
