package com.kehu.crm.dataio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTests {

    @Test
    void readsQuotedFieldsLineBreaksAndBlankLines() throws IOException {
        CsvRecordReader csv =
                new CsvRecordReader(new StringReader("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\n\r\nlast,\n"));
        assertThat(csv.next()).containsExactly("a", "b");
        assertThat(csv.recordLine()).isEqualTo(1);
        assertThat(csv.next()).containsExactly("x, \"y\"", "two\nlines");
        assertThat(csv.recordLine()).isEqualTo(2);
        assertThat(csv.next()).containsExactly("last", "");
        assertThat(csv.recordLine()).isEqualTo(5);
        assertThat(csv.next()).isNull();
    }

    @Test
    void lastRecordWithoutLineEnd() throws IOException {
        CsvRecordReader csv = new CsvRecordReader(new StringReader("a,b\nc,d"));
        assertThat(csv.next()).containsExactly("a", "b");
        assertThat(csv.next()).containsExactly("c", "d");
        assertThat(csv.next()).isNull();
    }
}
