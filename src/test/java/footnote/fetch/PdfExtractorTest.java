package footnote.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text, metadata and refusals from PDFs built here, with PDFBox or by hand. */
class PdfExtractorTest {

    private static final float LEADING = 14;
    private static final float PARAGRAPH_GAP = 30;

    private final PdfExtractor extractor = new PdfExtractor();

    // --- Text PDFs -------------------------------------------------------------------------------------------------

    @Test
    void reads_title_author_date_and_paragraphs_with_no_sentence_cut() throws Exception {
        byte[] pdf = textPdf(info -> {
            info.setTitle("Airships of the North");
            info.setAuthor("Ada Lovelace");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.clear();
            created.set(2024, Calendar.MARCH, 15, 10, 30, 0);
            info.setCreationDate(created);
        }, List.of(
                page(List.of(
                        List.of("The airship rose over the harbour at dawn, its silver skin",
                                "catching the first light of the day. Crowds gathered along the",
                                "quay to watch."),
                        List.of("By noon it had crossed the bay and was heading north toward the",
                                "distant mountains, where")),
                        "1"),
                page(List.of(
                        List.of("the winds are strong and the air is thin.",
                                "Nobody on board had seen them before."),
                        List.of("The crew landed at dusk.")),
                        "2")));

        WebArticle article = extractor.extract(pdf, "airships.pdf");

        assertThat(article.title()).isEqualTo("Airships of the North");
        assertThat(article.author()).contains("Ada Lovelace");
        assertThat(article.published()).contains("2024-03-15");
        assertThat(article.siteName()).isEmpty();
        assertThat(article.canonicalUrl()).isEmpty();
        assertThat(article.paragraphs()).containsExactly(
                "The airship rose over the harbour at dawn, its silver skin catching the first light of the day. "
                        + "Crowds gathered along the quay to watch.",
                "By noon it had crossed the bay and was heading north toward the distant mountains, where the winds "
                        + "are strong and the air is thin. Nobody on board had seen them before.",
                "The crew landed at dusk.");
    }

    @Test
    void a_junk_title_gives_way_to_the_heading_on_the_first_page() throws Exception {
        byte[] pdf = textPdf(info -> info.setTitle("Microsoft Word - airships_final_v3.docx"), List.of(
                page(List.of(List.of("Airships of the North"),
                        List.of("The airship rose over the harbour at dawn.")), null)));

        WebArticle article = extractor.extract(pdf, "airships.pdf");

        assertThat(article.title()).isEqualTo("Airships of the North");
        assertThat(article.author()).isEmpty();
        assertThat(article.paragraphs()).contains("The airship rose over the harbour at dawn.");
    }

    @Test
    void without_a_title_or_heading_the_file_name_is_the_title() throws Exception {
        byte[] pdf = textPdf(info -> { }, List.of(
                page(List.of(List.of("The airship rose over the harbour at dawn.")), null)));

        WebArticle article = extractor.extract(pdf, "annual-report.pdf");

        assertThat(article.title()).isEqualTo("annual-report");
        assertThat(article.published()).isEmpty();
    }

    @Test
    void mends_words_hyphenated_at_a_line_end_and_joins_lines() {
        List<String> paragraphs = PdfExtractor.paragraphs(
                "The exam-\nple shows how a hyphen-\nated word is mended, while\nfine   lines are joined.\n\n"
                        + "Compounds keep their hyphen: Jean-\nPierre and COVID-\n19 stay whole -\nbut a dash "
                        + "keeps its space.\n");

        assertThat(paragraphs).containsExactly(
                "The example shows how a hyphenated word is mended, while fine lines are joined.",
                "Compounds keep their hyphen: Jean-Pierre and COVID-19 stay whole - but a dash keeps its space.");
    }

    @Test
    void joins_a_sentence_carried_over_a_page_break_and_drops_page_numbers() {
        List<String> paragraphs = PdfExtractor.paragraphs(
                "The airship turned toward the\n\nPage 3 of 12\n\n\u000cdistant mountains.\n\n"
                        + "It landed safely.\n\n7\n\nthe crew cheered.\n\nA new paragraph\n\nAnother one.");

        assertThat(paragraphs).containsExactly(
                "The airship turned toward the distant mountains.",
                "It landed safely.",
                "the crew cheered.",
                "A new paragraph",
                "Another one.");
    }

    // --- Refusals --------------------------------------------------------------------------------------------------

    @Test
    void refuses_a_pdf_whose_page_has_only_a_drawing() throws Exception {
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.addRect(100, 100, 300, 400);
                content.fill();
            }
            pdf = save(document);
        }

        assertThatThrownBy(() -> extractor.extract(pdf, "scan.pdf"))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("scan.pdf ")
                .hasMessageContaining("has no text layer");
    }

    @Test
    void refuses_a_pdf_whose_page_is_only_an_image() throws Exception {
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    image.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8);
                }
            }
            PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(xobject, 50, 300, 400, 400);
            }
            pdf = save(document);
        }

        assertThatThrownBy(() -> extractor.extract(pdf, "photo.pdf"))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("has no text layer");
    }

    @Test
    void refuses_garbage_that_only_starts_like_a_pdf() {
        byte[] garbage = new byte[20_000];
        new Random(42).nextBytes(garbage);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, garbage, 0, header.length);

        assertThatThrownBy(() -> extractor.extract(garbage, "broken.pdf"))
                .isInstanceOf(FetchException.class)
                .hasMessage("broken.pdf is not a readable PDF.");
    }

    @Test
    void refuses_a_pdf_with_no_pages() throws Exception {
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            pdf = save(document);
        }

        assertThatThrownBy(() -> extractor.extract(pdf, "empty.pdf"))
                .isInstanceOf(FetchException.class)
                .hasMessage("empty.pdf is not a readable PDF.");
    }

    @Test
    void refuses_a_pdf_protected_by_a_password() throws Exception {
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            addTextPage(document, page(List.of(List.of("Secret airship plans for the northern route.")), null));
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            pdf = save(document);
        }

        assertThatThrownBy(() -> extractor.extract(pdf, "locked.pdf"))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("locked.pdf ")
                .hasMessageContaining("password")
                .hasMessageNotContaining("Secret airship");
    }

    // --- PDF bombs -------------------------------------------------------------------------------------------------

    @Test
    void reads_a_small_hand_written_flate_pdf() throws Exception {
        // The same hand-written file as the bombs below, with a real page: so they are refused for their size alone.
        byte[] content = deflate("BT /F1 12 Tf 72 700 Td (Airships floated over the city at dawn.) Tj ET"
                .getBytes(StandardCharsets.US_ASCII));

        WebArticle article = extractor.extract(handWrittenPdf("/Filter /FlateDecode", content), "small.pdf");

        assertThat(article.paragraphs()).containsExactly("Airships floated over the city at dawn.");
    }

    @Test
    void refuses_a_flate_bomb_quickly_and_without_running_out_of_memory() {
        byte[] pdf = handWrittenPdf("/Filter /FlateDecode", zeros(100));
        assertThat(pdf.length).as("the bomb is small on disk").isLessThan(1024 * 1024);

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> extractor.extract(pdf, "bomb.pdf"))
                        .isInstanceOf(FetchException.class)
                        .hasMessageStartingWith("bomb.pdf ")
                        .hasMessageContaining("when decompressed"));
    }

    @Test
    void refuses_a_flate_bomb_whose_filter_name_is_written_with_an_escape() {
        byte[] pdf = handWrittenPdf("/Filter /Fl#61teDecode", zeros(100));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> extractor.extract(pdf, "escaped.pdf"))
                        .isInstanceOf(FetchException.class)
                        .hasMessageContaining("when decompressed"));
    }

    @Test
    void refuses_a_flate_bomb_whose_filter_is_in_an_array() {
        byte[] pdf = handWrittenPdf("/Filter [ /FlateDecode ]", zeros(100));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> extractor.extract(pdf, "array.pdf"))
                        .isInstanceOf(FetchException.class)
                        .hasMessageContaining("when decompressed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/Filter /FlateDecode /X << /Filter /DCTDecode >>",
            "/Filter /FlateDecode /Title (/Filter /JPXDecode)",
            "/Filter /FlateDecode % /Filter /DCTDecode\n",
            "/Filter /FlateDecode /DecodeParms << /Filter [/CCITTFaxDecode] >>"})
    void refuses_a_flate_bomb_behind_a_decoy_filter(String filterEntry) {
        // PDFBox reads the stream's own /Filter and inflates all of it; the check must not believe the decoy.
        byte[] pdf = handWrittenPdf(filterEntry, zeros(100));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> extractor.extract(pdf, "decoy.pdf"))
                        .isInstanceOf(FetchException.class)
                        .hasMessageContaining("when decompressed"));
    }

    @Test
    void refuses_a_hex_wrapped_flate_bomb_whose_dictionary_says_obj_in_a_string() {
        byte[] pdf = handWrittenPdf("/Filter [/ASCIIHexDecode /FlateDecode] /Title (see 1 0 obj)", "\n",
                hex(zeros(100)));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> extractor.extract(pdf, "hex.pdf"))
                        .isInstanceOf(FetchException.class)
                        .hasMessageContaining("when decompressed"));
    }

    @Test
    void refuses_a_pdf_whose_streams_together_expand_beyond_the_total_budget() {
        byte[] thirty = zeros(30); // under the budget for one stream
        List<byte[]> more = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            more.add(streamObject("/Filter /FlateDecode", "\n", thirty));
        }
        byte[] pdf = handWrittenPdf("/Filter /FlateDecode", "\n", thirty, more.toArray(byte[][]::new));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> extractor.extract(pdf, "many.pdf"))
                        .isInstanceOf(FetchException.class)
                        .hasMessage("many.pdf expands to more than 256 MB when decompressed; Footnote does not read "
                                + "such PDFs."));
    }

    @Test
    void refuses_a_flate_bomb_whose_filters_are_given_by_reference() throws Exception {
        // "/Filter 6 0 R": the raw-byte check cannot follow the reference; PDFBox does, hex-decodes, then inflates.
        byte[] pdf = handWrittenPdf("/Filter 6 0 R", "\n", hex(zeros(100)),
                ascii("[/ASCIIHexDecode /FlateDecode]"));
        assertThat(PdfStreams.overBudget(pdf)).as("hidden from the raw-byte check").isEmpty();
        assertTheLoadedDocumentCheckRefuses(pdf);

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> extractor.extract(pdf, "indirect.pdf"))
                        .isInstanceOf(FetchException.class)
                        .hasMessage("indirect.pdf has a part that expands to more than 32 MB when decompressed; "
                                + "Footnote does not read such PDFs."));
    }

    @Test
    void refuses_a_flate_bomb_whose_dictionary_is_padded_beyond_the_raw_check_window() throws Exception {
        String padding = "/Padding (" + "x".repeat(70 * 1024) + ")";
        byte[] pdf = handWrittenPdf("/Filter [/ASCIIHexDecode /FlateDecode] " + padding, "\n", hex(zeros(100)));
        assertThat(PdfStreams.overBudget(pdf)).as("hidden from the raw-byte check").isEmpty();
        assertTheLoadedDocumentCheckRefuses(pdf);

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> extractor.extract(pdf, "padded.pdf"))
                        .isInstanceOf(FetchException.class)
                        .hasMessageContaining("when decompressed"));
    }

    @Test
    void refuses_a_flate_bomb_whose_dictionary_has_a_stream_keyword_in_a_string() throws Exception {
        byte[] pdf = handWrittenPdf("/Filter [/ASCIIHexDecode /FlateDecode] /Title (fake\nstream\n)", "\n",
                hex(zeros(100)));
        assertThat(PdfStreams.overBudget(pdf)).as("hidden from the raw-byte check").isEmpty();
        assertTheLoadedDocumentCheckRefuses(pdf);

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> extractor.extract(pdf, "fake.pdf"))
                        .isInstanceOf(FetchException.class)
                        .hasMessageContaining("when decompressed"));
    }

    @Test
    void refuses_a_flate_bomb_behind_an_identity_crypt_filter() {
        // PDFBox's Crypt filter copies the data (the Identity crypt filter), then inflates it.
        byte[] pdf = handWrittenPdf("/Filter [/Crypt /FlateDecode]", zeros(100));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> extractor.extract(pdf, "crypt.pdf"))
                        .isInstanceOf(FetchException.class)
                        .hasMessageContaining("when decompressed"));
    }

    @Test
    void refuses_a_flate_bomb_in_a_pdf_encrypted_with_only_an_owner_password() throws Exception {
        // Opens without a password, so PDFBox decrypts and reads it; the raw bytes are encrypted, beyond the first
        // check.
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            COSStream content = document.getDocument().createCOSStream();
            try (OutputStream out = content.createRawOutputStream()) {
                out.write(zeros(100));
            }
            content.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            page.getCOSObject().setItem(COSName.CONTENTS, content);
            protectWithOwnerPasswordOnly(document);
            pdf = save(document);
        }
        assertThat(PdfStreams.overBudget(pdf)).as("hidden from the raw-byte check").isEmpty();
        assertTheLoadedDocumentCheckRefuses(pdf);

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> extractor.extract(pdf, "owner.pdf"))
                        .isInstanceOf(FetchException.class)
                        .hasMessage("owner.pdf has a part that expands to more than 32 MB when decompressed; "
                                + "Footnote does not read such PDFs."));
    }

    @Test
    void reads_a_pdf_encrypted_with_only_an_owner_password() throws Exception {
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            addTextPage(document, page(List.of(List.of("Open airship plans for the northern route.")), null));
            protectWithOwnerPasswordOnly(document);
            pdf = save(document);
        }
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).as("encrypted").contains("/Encrypt");

        WebArticle article = extractor.extract(pdf, "open.pdf");

        assertThat(article.paragraphs()).containsExactly("Open airship plans for the northern route.");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void refuses_an_encrypted_object_stream_bomb_that_pdfbox_would_decode_while_loading(boolean brokenXref)
            throws Exception {
        // The catalog sits in an encrypted object stream padded with 100 MB of spaces: PDFBox decodes the whole
        // object stream to find the catalog while it loads (or, when the cross-references are broken, while it
        // searches the file for objects), before any check on the loaded document could run.
        byte[] pdf = encryptedObjectStreamBomb(100, brokenXref);
        assertThat(PdfStreams.overBudget(pdf)).as("hidden from the raw-byte check").isEmpty();
        CheckedPdfLoad load = new CheckedPdfLoad();
        try {
            load.load(pdf, IOUtils.createMemoryOnlyStreamCache()).close();
        } catch (IOException e) {
            // no catalog: its object stream was not decoded
        }
        assertThat(load.refusal()).as("measured while loading, before PDFBox decoded it")
                .hasValueSatisfying(refusal -> assertThat(refusal).endsWith("when decompressed"));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> extractor.extract(pdf, "objstm.pdf"))
                        .isInstanceOf(FetchException.class)
                        .hasMessage("objstm.pdf has a part that expands to more than 32 MB when decompressed; "
                                + "Footnote does not read such PDFs."));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void reads_an_encrypted_pdf_whose_catalog_is_in_an_object_stream(boolean brokenXref) throws Exception {
        // The bomb above without its padding, read: so the bomb is refused for its size alone.
        byte[] pdf = encryptedObjectStreamBomb(0, brokenXref);

        WebArticle article = extractor.extract(pdf, "objstm.pdf");

        assertThat(article.paragraphs()).containsExactly("Airships floated over the city at dawn.");
    }

    // --- Helpers ---------------------------------------------------------------------------------------------------

    /** A page: paragraphs of lines, and an optional page number printed at the bottom. */
    private record Page(List<List<String>> paragraphs, String number) {
    }

    private static Page page(List<List<String>> paragraphs, String number) {
        return new Page(paragraphs, number);
    }

    private interface Info {
        void fill(PDDocumentInformation info);
    }

    private static byte[] textPdf(Info info, List<Page> pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation information = new PDDocumentInformation();
            info.fill(information);
            document.setDocumentInformation(information);
            for (Page page : pages) {
                addTextPage(document, page);
            }
            return save(document);
        }
    }

    private static void addTextPage(PDDocument document, Page page) throws IOException {
        PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDPage pdPage = new PDPage(PDRectangle.LETTER);
        document.addPage(pdPage);
        try (PDPageContentStream content = new PDPageContentStream(document, pdPage)) {
            float y = 720;
            for (List<String> paragraph : page.paragraphs()) {
                for (String line : paragraph) {
                    content.beginText();
                    content.setFont(helvetica, 11);
                    content.newLineAtOffset(72, y);
                    content.showText(line);
                    content.endText();
                    y -= LEADING;
                }
                y -= PARAGRAPH_GAP;
            }
            if (page.number() != null) {
                content.beginText();
                content.setFont(helvetica, 9);
                content.newLineAtOffset(300, 40);
                content.showText(page.number());
                content.endText();
            }
        }
    }

    /** Encryption that any reader opens without a password: an owner password, an empty user password. */
    private static void protectWithOwnerPasswordOnly(PDDocument document) throws IOException {
        AccessPermission permissions = new AccessPermission();
        permissions.setCanExtractContent(false);
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", permissions);
        policy.setEncryptionKeyLength(128);
        document.protect(policy);
    }

    /** The check on the loaded document refuses it by itself (loading does not decode a page's content). */
    private static void assertTheLoadedDocumentCheckRefuses(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(PdfStreams.overBudget(document.getDocument())).as("the check on the loaded document")
                    .hasValueSatisfying(refusal -> assertThat(refusal).endsWith("when decompressed"));
        }
    }

    /**
     * A hand-written one-page PDF encrypted with only an owner password (RC4, keyed by a PDF PDFBox encrypted), whose
     * catalog is the one object in an object stream, followed by {@code megabytes} MB of spaces in the same deflated
     * data; its cross-reference stream, unencrypted as the format wants, points one object a few bytes off when
     * {@code brokenXref}, which sends PDFBox searching the file.
     */
    private static byte[] encryptedObjectStreamBomb(int megabytes, boolean brokenXref) throws IOException {
        byte[] keyed;
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            policy.setPreferAES(false);
            document.protect(policy);
            keyed = save(document);
        }
        try (PDDocument document = Loader.loadPDF(keyed)) {
            COSDictionary encryption = document.getEncryption().getCOSObject();
            COSArray id = document.getDocument().getDocumentID();
            String encryptionDictionary = "<< /Filter /Standard /V " + encryption.getInt(COSName.V)
                    + " /R " + encryption.getInt(COSName.R) + " /Length " + encryption.getInt(COSName.LENGTH)
                    + " /P " + encryption.getInt(COSName.P)
                    + " /O " + hexString(encryption.getDictionaryObject(COSName.O))
                    + " /U " + hexString(encryption.getDictionaryObject(COSName.U)) + " >>";

            String header = "1 0 ";
            ByteArrayOutputStream deflated = new ByteArrayOutputStream();
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, deflater, 64 * 1024)) {
                out.write(ascii(header + "<< /Type /Catalog /Pages 2 0 R >> "));
                byte[] spaces = new byte[1024 * 1024];
                Arrays.fill(spaces, (byte) ' ');
                for (int i = 0; i < megabytes; i++) {
                    out.write(spaces);
                }
            } finally {
                deflater.end();
            }
            COSStream objectStream = document.getDocument().createCOSStream();
            try (OutputStream out = objectStream.createRawOutputStream()) {
                out.write(deflated.toByteArray());
            }
            byte[] encrypted = encrypt(document, objectStream, 10);
            COSStream contentStream = document.getDocument().createCOSStream();
            try (OutputStream out = contentStream.createRawOutputStream()) {
                out.write(ascii("BT /F1 12 Tf 72 700 Td (Airships floated over the city at dawn.) Tj ET"));
            }
            byte[] content = encrypt(document, contentStream, 4);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"));
            int[] offsets = new int[13]; // object 1 is in object stream 10; 6 to 9 are free
            offsets[2] = out.size();
            out.writeBytes(ascii("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"));
            offsets[3] = out.size();
            out.writeBytes(ascii("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                    + "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>\nendobj\n"));
            offsets[4] = out.size();
            out.writeBytes(ascii("4 0 obj\n<< /Length " + content.length + " >>\nstream\n"));
            out.writeBytes(content);
            out.writeBytes(ascii("\nendstream\nendobj\n"));
            offsets[5] = out.size();
            out.writeBytes(ascii("5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                    + "/Encoding /WinAnsiEncoding >>\nendobj\n"));
            offsets[10] = out.size();
            out.writeBytes(ascii("10 0 obj\n<< /Type /ObjStm /N 1 /First " + header.length()
                    + " /Filter /FlateDecode /Length " + encrypted.length + " >>\nstream\n"));
            out.writeBytes(encrypted);
            out.writeBytes(ascii("\nendstream\nendobj\n"));
            offsets[11] = out.size();
            out.writeBytes(ascii("11 0 obj\n" + encryptionDictionary + "\nendobj\n"));
            offsets[12] = out.size();
            ByteArrayOutputStream rows = new ByteArrayOutputStream(); // /W [1 4 2]: type, offset or stream, index
            for (int n = 0; n < offsets.length; n++) {
                int type = n == 1 ? 2 : offsets[n] > 0 ? 1 : 0;
                int field = n == 1 ? 10 : offsets[n] + (brokenXref && n == 2 ? 3 : 0);
                rows.writeBytes(new byte[] {(byte) type, (byte) (field >>> 24), (byte) (field >>> 16),
                        (byte) (field >>> 8), (byte) field, 0, 0});
            }
            out.writeBytes(ascii("12 0 obj\n<< /Type /XRef /Size 13 /W [1 4 2] /Root 1 0 R /Encrypt 11 0 R /ID ["
                    + hexString(id.getObject(0)) + hexString(id.getObject(1)) + "] /Length " + rows.size()
                    + " >>\nstream\n"));
            out.writeBytes(rows.toByteArray());
            out.writeBytes(ascii("\nendstream\nendobj\nstartxref\n" + offsets[12] + "\n%%EOF\n"));
            return out.toByteArray();
        }
    }

    /** The stream's data encrypted as object {@code number} of the document's file. */
    private static byte[] encrypt(PDDocument document, COSStream stream, int number) throws IOException {
        document.getEncryption().getSecurityHandler().encryptStream(stream, number, 0);
        try (InputStream in = stream.createRawInputStream()) {
            return in.readAllBytes();
        }
    }

    private static String hexString(COSBase string) {
        return "<" + HexFormat.of().formatHex(((COSString) string).getBytes()) + ">";
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(data);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    /** {@code megabytes} MB of zeros, zlib-compressed a megabyte at a time: about a thousandth of that on disk. */
    static byte[] zeros(int megabytes) {
        byte[] chunk = new byte[1024 * 1024];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DeflaterOutputStream stream = new DeflaterOutputStream(out, deflater, 64 * 1024)) {
            for (int i = 0; i < megabytes; i++) {
                stream.write(chunk);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    /**
     * A one-page PDF written by hand, its page's content stream {@code data} with the given filter entry, and a
     * correct cross-reference table.
     */
    static byte[] handWrittenPdf(String filterEntry, byte[] data) {
        return handWrittenPdf(filterEntry, "\n", data);
    }

    /**
     * As {@link #handWrittenPdf(String, byte[])}, with what follows the {@code stream} keyword given, and more
     * objects (numbered from 6, bodies without {@code obj}/{@code endobj}) added.
     */
    static byte[] handWrittenPdf(String filterEntry, String afterKeyword, byte[] data, byte[]... moreObjects) {
        List<byte[]> objects = new ArrayList<>();
        objects.add(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.add(ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
        objects.add(ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                + "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"));
        objects.add(streamObject(filterEntry, afterKeyword, data));
        objects.add(ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
        objects.addAll(List.of(moreObjects));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n"));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            out.writeBytes(ascii((i + 1) + " 0 obj\n"));
            out.writeBytes(objects.get(i));
            out.writeBytes(ascii("\nendobj\n"));
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        out.writeBytes(ascii(table.toString()));
        return out.toByteArray();
    }

    /** A stream object's body: its dictionary with {@code /Length} and the entries given, then the data. */
    static byte[] streamObject(String dictionaryEntries, String afterKeyword, byte[] data) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(ascii("<< /Length " + data.length + " " + dictionaryEntries + " >>\nstream" + afterKeyword));
        stream.writeBytes(data);
        stream.writeBytes(ascii("\nendstream"));
        return stream.toByteArray();
    }

    /** The bytes as ASCIIHexDecode reads them, with its end marker. */
    static byte[] hex(byte[] data) {
        StringBuilder text = new StringBuilder(data.length * 2 + 1);
        for (byte b : data) {
            text.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return ascii(text.append('>').toString());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
