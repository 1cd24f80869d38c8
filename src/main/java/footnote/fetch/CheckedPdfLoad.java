package footnote.fetch;

import java.io.IOException;
import java.util.Optional;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSInputStream;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.ICOSParser;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadView;
import org.apache.pdfbox.io.RandomAccessStreamCache;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A PDF loaded by PDFBox, each of its streams measured as above the moment before PDFBox first decodes it, by
 * whatever path: an object stream while PDFBox loads (the catalog, the page tree) or while it repairs a broken
 * file, a page, a font. In an encrypted document the first check cannot read these, and a check after loading
 * comes too late for those decoded while loading. Once a stream is over the budget, PDFBox decodes no stream
 * any more (it gets an {@link IOException} instead), and {@link #refusal()} says why.
 */
final class CheckedPdfLoad {
    private final PdfStreams.Budget budget = new PdfStreams.Budget();
    private Optional<String> refusal = Optional.empty();

    /** As {@code Loader.loadPDF(pdf, "", null, null, streamCache)}, with the measuring. */
    PDDocument load(byte[] pdf, StreamCacheCreateFunction streamCache) throws IOException {
        RandomAccessRead source = new RandomAccessReadBuffer(pdf);
        try {
            return new Parser(source, streamCache).parse();
        } catch (IOException | RuntimeException e) {
            IOUtils.closeQuietly(source);
            throw e;
        }
    }

    /** PDFBox's parser, its document making every stream it parses a {@link MeasuredStream}. */
    private final class Parser extends PDFParser {
        Parser(RandomAccessRead source, StreamCacheCreateFunction streamCache) throws IOException {
            super(source, "", null, null, streamCache);
            document.close(); // the plain one, not used yet
            document = new Document(streamCache, this);
        }
    }

    private final class Document extends COSDocument {
        private final RandomAccessStreamCache streamCache;
        private final ICOSParser parser;

        Document(StreamCacheCreateFunction streamCache, ICOSParser parser) {
            this(streamCache, parser, new RandomAccessStreamCache[1]);
        }

        private Document(StreamCacheCreateFunction streamCache, ICOSParser parser,
                RandomAccessStreamCache[] created) {
            super(() -> created[0] = streamCache.create(), parser); // the cache it closes, kept for the streams
            this.streamCache = created[0];
            this.parser = parser;
        }

        /** As {@link COSDocument}'s, with a {@link MeasuredStream}. */
        @Override
        public COSStream createCOSStream(COSDictionary dictionary, long startPosition, long streamLength)
                throws IOException {
            COSStream stream = new MeasuredStream(streamCache,
                    parser.createRandomAccessReadView(startPosition, streamLength));
            dictionary.forEach(stream::setItem);
            stream.setKey(dictionary.getKey());
            return stream;
        }
    }

    /** A stream measured before its first decoding: every decoding PDFBox does starts in these two methods. */
    private final class MeasuredStream extends COSStream {
        private boolean measured;

        MeasuredStream(RandomAccessStreamCache streamCache, RandomAccessReadView data) throws IOException {
            super(streamCache, data);
        }

        @Override
        public COSInputStream createInputStream(DecodeOptions options) throws IOException {
            measure();
            return super.createInputStream(options);
        }

        @Override
        public RandomAccessRead createView() throws IOException {
            measure();
            return super.createView();
        }

        private void measure() throws IOException {
            if (!measured && refusal.isEmpty()) {
                measured = true; // once, on data PDFBox decrypted when it parsed the stream
                refusal = budget.add(PdfStreams.decodedSize(this));
            }
            if (refusal.isPresent()) {
                throw new IOException("Not decoded: the PDF " + refusal.get());
            }
        }
    }

    /** Why the PDF is refused, once a stream PDFBox was about to decode went beyond the budget. */
    Optional<String> refusal() {
        return refusal;
    }

    /**
     * The check on the loaded document, {@link PdfStreams#overBudget(COSDocument)}, after the one made while it
     * loaded; an object stream it makes PDFBox decode is measured on the way.
     */
    Optional<String> overBudget(PDDocument document) {
        if (refusal.isPresent()) {
            return refusal;
        }
        Optional<String> streams = PdfStreams.overBudget(document.getDocument());
        return streams.isPresent() ? streams : refusal;
    }
}
