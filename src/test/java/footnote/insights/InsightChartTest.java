package footnote.insights;

import static org.assertj.core.api.Assertions.assertThat;

import footnote.chat.InsightLines;
import footnote.testing.InsightFixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The report's days drawn as a PNG for Discord, without a display. */
class InsightChartTest {

    private static BufferedImage read(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void draws_a_week_as_a_png_of_the_fixed_size() throws IOException {
        InsightReport report = InsightFixtures.report();

        byte[] png = InsightChart.png(report, InsightLines.chartLabels(report));

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = read(png);
        assertThat(image.getWidth()).isEqualTo(InsightChart.WIDTH).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(InsightChart.HEIGHT).isEqualTo(400);
    }

    @Test
    void draws_a_window_without_questions_too() throws IOException {
        InsightReport empty = InsightFixtures.empty();

        BufferedImage image = read(InsightChart.png(empty, InsightLines.chartLabels(empty)));

        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(400);
    }

    @Test
    void the_chart_has_the_bars_and_the_marks_named_by_the_caller() {
        InsightReport report = InsightFixtures.report();

        var chart = InsightChart.chart(report, InsightLines.chartLabels(report));

        assertThat(chart.getXYPlot().getDataset(0).getSeriesKey(0)).isEqualTo("Answered");
        assertThat(chart.getXYPlot().getDataset(0).getSeriesKey(1)).isEqualTo("Declined");
        assertThat(chart.getXYPlot().getDataset(0).getItemCount(0)).isEqualTo(report.days().size());
        assertThat(chart.getXYPlot().getDataset(1).getSeriesKey(0)).isEqualTo("Helpful votes");
        assertThat(chart.getXYPlot().getDataset(1).getItemCount(1)).as("one day had not helpful votes").isEqualTo(1);
    }
}
