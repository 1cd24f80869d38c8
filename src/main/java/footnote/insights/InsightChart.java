package footnote.insights;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimePeriodAnchor;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.time.TimeTableXYDataset;

/**
 * The report's days as a picture, for a Discord attachment: questions a day as stacked bars, answered under
 * declined, and the day's helpful and not helpful votes as marks against a second axis. A fixed size, drawn off
 * screen: a bot has no display, so AWT runs headless (set here unless the operator set it). The words on it come
 * from the caller, as {@link Labels}: this package has no user-facing English. Thread-safe.
 */
public final class InsightChart {

    public static final int WIDTH = 800;
    public static final int HEIGHT = 400;
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final Color ANSWERED = new Color(0x2E7D32);
    private static final Color DECLINED = new Color(0xC62828);
    private static final Color HELPFUL = new Color(0x1565C0);
    private static final Color NOT_HELPFUL = new Color(0xEF6C00);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** The chart's words: its title, the series' names in the legend, the axes' names. */
    public record Labels(String title, String answered, String declined, String helpful, String notHelpful,
            String questionsAxis, String votesAxis) {
        public Labels {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(answered, "answered");
            Objects.requireNonNull(declined, "declined");
            Objects.requireNonNull(helpful, "helpful");
            Objects.requireNonNull(notHelpful, "notHelpful");
            Objects.requireNonNull(questionsAxis, "questionsAxis");
            Objects.requireNonNull(votesAxis, "votesAxis");
        }
    }

    private InsightChart() {}

    /** The chart as a PNG of {@link #WIDTH} × {@link #HEIGHT} pixels. */
    public static byte[] png(InsightReport report, Labels labels) {
        BufferedImage image = chart(report, labels).createBufferedImage(WIDTH, HEIGHT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory", e);
        }
        return out.toByteArray();
    }

    static JFreeChart chart(InsightReport report, Labels labels) {
        TimeTableXYDataset questions = new TimeTableXYDataset(UTC, Locale.ROOT);
        questions.setXPosition(TimePeriodAnchor.MIDDLE);
        TimeSeries helpful = new TimeSeries(labels.helpful());
        TimeSeries notHelpful = new TimeSeries(labels.notHelpful());
        for (InsightReport.Day day : report.days()) {
            Day period = day(day.date());
            questions.add(period, day.answered(), labels.answered(), false);
            questions.add(period, day.declined(), labels.declined(), false);
            // Marks only where there were votes: a row of zeros would hide the bars' foot.
            if (day.helpful() > 0) {
                helpful.add(period, day.helpful());
            }
            if (day.notHelpful() > 0) {
                notHelpful.add(period, day.notHelpful());
            }
        }
        long mostAsked = report.days().stream().mapToLong(d -> d.answered() + d.declined()).max().orElse(0);
        long mostVotes = report.days().stream().mapToLong(d -> Math.max(d.helpful(), d.notHelpful())).max().orElse(0);
        XYPlot plot = new XYPlot(questions, timeAxis(), countAxis(labels.questionsAxis(), mostAsked), bars());
        TimeSeriesCollection votes = new TimeSeriesCollection(UTC);
        votes.setXPosition(TimePeriodAnchor.MIDDLE); // a day's marks over its bar, not at midnight
        votes.addSeries(helpful);
        votes.addSeries(notHelpful);
        // The marks' renderer first: a dataset without its own is measured by the bars', which cannot read it.
        plot.setRenderer(1, marks());
        plot.setRangeAxis(1, countAxis(labels.votesAxis(), mostVotes));
        plot.setDataset(1, votes);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // the marks over the bars
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(labels.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        return chart;
    }

    private static Day day(LocalDate date) {
        return new Day(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    private static DateAxis timeAxis() {
        DateAxis axis = new DateAxis();
        axis.setTimeZone(UTC);
        axis.setLowerMargin(0.01);
        axis.setUpperMargin(0.01);
        return axis;
    }

    /**
     * Whole numbers only (there is no half a question), from zero, so that both axes' zero is the bars' foot, to a
     * little above the highest value: at least 4, so a quiet week does not look busy.
     */
    private static NumberAxis countAxis(String label, long highest) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setRange(0, Math.max(4, Math.ceil(highest * 1.1)));
        return axis;
    }

    private static StackedXYBarRenderer bars() {
        StackedXYBarRenderer bars = new StackedXYBarRenderer(0.2);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setSeriesPaint(0, ANSWERED);
        bars.setSeriesPaint(1, DECLINED);
        return bars;
    }

    private static XYLineAndShapeRenderer marks() {
        XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
        marks.setSeriesPaint(0, HELPFUL);
        marks.setSeriesPaint(1, NOT_HELPFUL);
        marks.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        marks.setSeriesShape(1, new Rectangle2D.Double(-5, -5, 10, 10));
        marks.setSeriesOutlineStroke(0, new BasicStroke(1f));
        return marks;
    }
}
