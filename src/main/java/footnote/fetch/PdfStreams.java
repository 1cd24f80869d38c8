package footnote.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * A PDF bomb check. PDFBox 3 decodes a stream (a page's content, a font, an object stream) wholly into memory, so a
 * few kilobytes of compressed zeros can become gigabytes of heap. Every stream is decoded once with PDFBox's own
 * filters into a counter that keeps nothing, and the document is refused when one stream or all of them together
 * expand beyond a budget. Made on the raw bytes before PDFBox parses anything ({@link #overBudget(byte[])}); then, on
 * what PDFBox parsed, which is each stream as PDFBox will decode it (decrypted, its filters read by PDFBox's parser,
 * indirect ones too, its dictionary however long or odd): for each stream the moment before PDFBox first decodes it,
 * while loading or later ({@link CheckedPdfLoad}), and for every stream of the loaded document before its text is read
 * ({@link #overBudget(COSDocument)}).
 */
final class PdfStreams {

    /** The most one stream may expand to: far above real pages and fonts, far below the heap. */
    static final long MAX_STREAM_BYTES = 32L * 1024 * 1024;
    /** The most all streams together may expand to. */
    static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;

    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern FILTER = Pattern.compile("/Filter\\s*(\\[[^\\]]*\\]|/[^\\s/\\[\\]<>()]+)");
    private static final Pattern NAME = Pattern.compile("/([^\\s/\\[\\]<>()]+)");
    private static final Pattern ESCAPE = Pattern.compile("#([0-9a-fA-F]{2})");
    /** Filters whose output text extraction never reads: images. */
    private static final Set<String> NOT_DECODED = Set.of("DCTDecode", "DCT", "JPXDecode", "CCITTFaxDecode", "CCF",
            "JBIG2Decode");
    /**
     * Filters decoded here. Crypt among them: PDFBox's Crypt filter copies the data (the Identity crypt filter) or
     * fails, so "[/Crypt /FlateDecode]" is inflated by PDFBox and must be measured.
     */
    private static final Set<String> DECODED = Set.of("FlateDecode", "Fl", "LZWDecode", "LZW", "RunLengthDecode",
            "RL", "ASCIIHexDecode", "AHx", "ASCII85Decode", "A85", "Crypt");

    private PdfStreams() {
    }

    /**
     * Why the PDF is refused, when a stream expands beyond the budget; empty when it is within it. Made on the raw
     * bytes, before PDFBox parses anything: it cannot decode encrypted streams, and it reads dictionaries by pattern.
     */
    static Optional<String> overBudget(byte[] pdf) {
        Budget budget = new Budget();
        int searchFrom = 0;
        int previousEnd = 0;
        while (true) {
            int keyword = indexOf(pdf, STREAM, searchFrom);
            if (keyword < 0) {
                return Optional.empty();
            }
            searchFrom = keyword + STREAM.length;
            if (keyword >= 3 && pdf[keyword - 3] == 'e' && pdf[keyword - 2] == 'n' && pdf[keyword - 1] == 'd') {
                continue; // "endstream"
            }
            int data = dataStart(pdf, keyword + STREAM.length);
            if (data < 0) {
                continue;
            }
            // The dictionary is the text since the previous stream (bounded), so scanning stays linear in the file.
            int from = Math.max(previousEnd, keyword - 64 * 1024);
            previousEnd = data;
            // Measured through every /Filter the dictionary text names, the largest result counting: a decoy
            // (in a nested dictionary, a string or a comment) must not hide the filter PDFBox will really apply.
            List<List<String>> candidates = filters(new String(pdf, from, keyword - from, StandardCharsets.ISO_8859_1));
            long size = candidates.isEmpty() ? decodedSize(pdf, data, List.of()) : 0;
            for (List<String> filters : candidates) {
                if (size > MAX_STREAM_BYTES) {
                    break;
                }
                size = Math.max(size, decodedSize(pdf, data, filters));
            }
            Optional<String> refusal = budget.add(size);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
    }

    /**
     * The same check on the document PDFBox loaded, before its text is read: every object in its cross-reference
     * table dereferenced (which makes PDFBox decrypt it), and every stream among them decoded through the filters
     * PDFBox resolved. Load with {@link CheckedPdfLoad}, so that no stream is decoded unmeasured while PDFBox loads or
     * while this walk makes it decode object streams.
     */
    static Optional<String> overBudget(COSDocument document) {
        Budget budget = new Budget();
        for (COSObjectKey key : new ArrayList<>(document.getXrefTable().keySet())) { // dereferencing may add keys
            COSBase object;
            try {
                object = document.getObjectFromPool(key).getObject();
            } catch (RuntimeException e) {
                continue; // a broken object PDFBox cannot read: nothing in it gets decoded either
            }
            if (object instanceof COSStream stream) {
                Optional<String> refusal = budget.add(decodedSize(stream));
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * What a loaded stream decodes to, in bytes (more than {@link #MAX_STREAM_BYTES} meaning "too much"): its raw,
     * decrypted data through the filters PDFBox reads from its dictionary, an indirect {@code /Filter} and indirect
     * names in a filter array followed. Never through {@link COSStream#createInputStream()}, which keeps the whole
     * decoded stream in memory.
     */
    static long decodedSize(COSStream stream) {
        List<String> names = new ArrayList<>();
        COSBase filters = stream.getFilters();
        if (filters instanceof COSName name) {
            names.add(name.getName());
        } else if (filters instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                // PDFBox 3.0.8 refuses an indirect name in the array; followed anyway, in case a later one does not.
                names.add(array.getObject(i) instanceof COSName name ? name.getName() : "");
            }
        }
        try (InputStream raw = stream.createRawInputStream()) {
            return decodedSize(raw, names, parameters(stream));
        } catch (IOException | RuntimeException e) {
            return 0; // no data to read: PDFBox has none either
        }
    }

    /**
     * The parameters the filters read ({@code /DecodeParms}, through {@code /Filter} or {@code /F}, as {@link
     * Filter} looks them up), without {@code /Predictor}: a predictor never makes data longer, and its row buffers
     * are as long as the file says (a huge {@code /Columns} would allocate gigabytes here, on an image PDFBox never
     * decodes for text).
     */
    private static COSDictionary parameters(COSStream stream) {
        COSDictionary parameters = new COSDictionary();
        COSBase filter = stream.getDictionaryObject(COSName.F, COSName.FILTER);
        if (filter != null) {
            parameters.setItem(COSName.FILTER, filter);
        }
        COSBase decodeParms = stream.getDictionaryObject(COSName.DP, COSName.DECODE_PARMS);
        if (decodeParms instanceof COSDictionary dictionary) {
            parameters.setItem(COSName.DECODE_PARMS, withoutPredictor(dictionary));
        } else if (decodeParms instanceof COSArray array) {
            COSArray copy = new COSArray();
            for (int i = 0; i < array.size(); i++) {
                copy.add(array.getObject(i) instanceof COSDictionary dictionary ? withoutPredictor(dictionary)
                        : COSNull.NULL);
            }
            parameters.setItem(COSName.DECODE_PARMS, copy);
        }
        return parameters;
    }

    private static COSDictionary withoutPredictor(COSDictionary decodeParms) {
        COSDictionary copy = new COSDictionary(decodeParms);
        copy.removeItem(COSName.PREDICTOR);
        return copy;
    }

    /**
     * The filter names of every {@code /Filter} in the dictionary text, {@code #xx} escapes undone, each distinct list
     * once. Not just the last one after the last {@code obj}, as before: "/Filter /FlateDecode /X << /Filter
     * /DCTDecode >>" (or the decoy in a string or comment, or an "obj" in a string) then hid a Flate bomb from this
     * check, and PDFBox, which reads the real filter, inflated all of it.
     */
    static List<List<String>> filters(String dictionary) {
        Matcher m = FILTER.matcher(unescape(dictionary));
        Set<List<String>> lists = new LinkedHashSet<>();
        while (m.find()) {
            List<String> names = new ArrayList<>();
            Matcher name = NAME.matcher(m.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
            lists.add(names);
        }
        return new ArrayList<>(lists);
    }

    /**
     * What the stream at {@code data} decodes to, in bytes, through its filters; a stream whose filters cannot be
     * read (an indirect {@code /Filter}, odd syntax) is tried as Flate, the filter bombs use.
     */
    private static long decodedSize(byte[] pdf, int data, List<String> filters) {
        if (filters.isEmpty() || filters.stream().anyMatch(n -> !DECODED.contains(n) && !NOT_DECODED.contains(n))) {
            return inflatedSize(pdf, data);
        }
        // Decoders stop at their own end marker, so reading on to the end of the file decodes exactly the stream,
        // whatever its /Length says.
        return decodedSize(new ByteArrayInputStream(pdf, data, pdf.length - data), filters, new COSDictionary());
    }

    /**
     * What {@code encoded} decodes to, in bytes, through the chain of filters, each stage's output counted; more
     * than {@link #MAX_STREAM_BYTES} as soon as a stage produces more than that. The chain ends before the first
     * filter not decoded here (an image's, or a name PDFBox does not know); a filter named twice is applied once,
     * as PDFBox does. Nothing is kept but the output of a stage another stage reads, within the budget.
     */
    private static long decodedSize(InputStream encoded, List<String> filters, COSDictionary parameters) {
        List<Filter> chain = new ArrayList<>();
        for (String name : filters) {
            if (!DECODED.contains(name)) {
                break;
            }
            try {
                Filter filter = FilterFactory.INSTANCE.getFilter(COSName.getPDFName(name));
                if (!chain.contains(filter)) {
                    chain.add(filter);
                }
            } catch (IOException e) {
                break;
            }
        }
        InputStream in = encoded;
        long produced = 0;
        for (int i = 0; i < chain.size(); i++) {
            boolean last = i == chain.size() - 1;
            Sink sink = new Sink(MAX_STREAM_BYTES, !last);
            try {
                chain.get(i).decode(in, sink, parameters, i);
            } catch (IOException | RuntimeException e) {
                if (!sink.full) {
                    return produced + sink.count; // not what it claims to be: PDFBox will not get further either
                }
            }
            if (sink.full) {
                return MAX_STREAM_BYTES + 1;
            }
            produced += sink.count;
            if (!last) {
                in = new ByteArrayInputStream(sink.bytes());
            }
        }
        return produced;
    }

    /**
     * The size the stream inflates to the way PDFBox's Flate decoder reads it (two header bytes skipped, then raw
     * deflate), for streams whose filters this check could not read; quietly 0 for data that is not deflate.
     */
    private static long inflatedSize(byte[] pdf, int data) {
        if (pdf.length - data < 3) {
            return 0;
        }
        Inflater inflater = new Inflater(true);
        long count = 0;
        try {
            inflater.setInput(pdf, data + 2, pdf.length - data - 2);
            byte[] buffer = new byte[64 * 1024];
            while (!inflater.finished() && count <= MAX_STREAM_BYTES) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                count += n;
            }
            return count;
        } catch (DataFormatException e) {
            return count;
        } finally {
            inflater.end();
        }
    }

    private static int dataStart(byte[] pdf, int afterKeyword) {
        int i = afterKeyword;
        while (i < pdf.length && pdf[i] == ' ') {
            i++;
        }
        if (i < pdf.length && pdf[i] == '\r') {
            i++;
        }
        if (i < pdf.length && pdf[i] == '\n') {
            i++;
        }
        return i > afterKeyword && i < pdf.length ? i : -1;
    }

    private static String unescape(String text) {
        Matcher m = ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The running total of one check, and the refusal when a stream or the total goes beyond the budget. */
    static final class Budget {
        private long total;

        Optional<String> add(long size) {
            if (size > MAX_STREAM_BYTES) {
                return Optional.of("has a part that expands to more than " + Urls.size(MAX_STREAM_BYTES)
                        + " when decompressed");
            }
            total += size;
            if (total > MAX_TOTAL_BYTES) {
                return Optional.of("expands to more than " + Urls.size(MAX_TOTAL_BYTES) + " when decompressed");
            }
            return Optional.empty();
        }
    }

    /** Counts what a decoder writes, keeping it only when another filter must read it, and stops at the budget. */
    private static final class Sink extends OutputStream {
        private final long max;
        private final ByteArrayOutputStream kept;
        long count;
        boolean full;

        Sink(long max, boolean keep) {
            this.max = max;
            this.kept = keep ? new ByteArrayOutputStream() : null;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (full || count + len > max) {
                full = true;
                throw new IOException("over budget");
            }
            count += len;
            if (kept != null) {
                kept.write(b, off, len);
            }
        }

        byte[] bytes() {
            return kept.toByteArray();
        }
    }
}
