package io.infrasystem.commons.crud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void formulaTriggersGetOneLeadingApostrophe() {
        assertThat(CsvCells.escape("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(CsvCells.escape("+1")).isEqualTo("'+1");
        assertThat(CsvCells.escape("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.escape("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.escape("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvCells.escape("\rcmd")).isEqualTo("'\rcmd");
        assertThat(CsvCells.escape("web-01")).isEqualTo("web-01");
        assertThat(CsvCells.escape("")).isEmpty();
        assertThat(CsvCells.escape(null)).isNull();
    }

    @Test
    void numbersAreWrittenAsTheyAre() {
        assertThat(CsvCells.cell(-5)).isEqualTo(-5);
        assertThat(CsvCells.record(List.of("=1", 2, "x"))).containsExactly("'=1", 2, "x");
    }

    @Test
    void importRemovesExactlyThePrefixSoRoundTripsAreExact() {
        for (String value : Arrays.asList(
                "=1+1", "'=1+1", "''=1+1", "'", "''", "'abc", "abc", "-", "'-", "@", "\t", "", null, "a=b")) {
            assertThat(CsvCells.unescape(CsvCells.escape(value)))
                    .as("round trip of [%s]", value)
                    .isEqualTo(value);
        }
        assertThat(CsvCells.unescape("'abc")).isEqualTo("'abc");
        assertThat(CsvCells.unescape("'=1")).isEqualTo("=1");
        assertThat(CsvCells.escape("'=1")).isEqualTo("''=1");
    }
}
