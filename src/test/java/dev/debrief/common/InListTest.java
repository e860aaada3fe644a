package dev.debrief.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An in-list's parameters: one per value, rounded up to three binary digits, so few query texts serve every count. */
class InListTest {

    @ParameterizedTest(name = "{0} values take {1} parameters")
    @CsvSource({"1, 1", "2, 2", "3, 3", "7, 7", "8, 8", "9, 10", "11, 12", "17, 20", "100, 112", "300, 320",
        "1000, 1024"})
    void theCountOfParametersIsTheCountOfValuesRoundedUpToThreeBinaryDigits(int values, int parameters) {
        InList in = new InList("ids", LongStream.rangeClosed(1, values).boxed().toList());

        assertThat(in.slots()).isEqualTo(parameters);
        assertThat(in.hql()).startsWith("(:ids0").endsWith(":ids" + (parameters - 1) + ")");
        assertThat(in.hql().split(", ")).hasSize(parameters);
    }

    @Test
    void aTextServesEveryCountOfValuesUpToItsSize() {
        assertThat(new InList("ids", LongStream.rangeClosed(1, 9).boxed().toList()).hql())
                .isEqualTo(new InList("ids", LongStream.rangeClosed(11, 20).boxed().toList()).hql())
                .isEqualTo("(:ids0, :ids1, :ids2, :ids3, :ids4, :ids5, :ids6, :ids7, :ids8, :ids9)");
    }

    @Test
    void anEmptyListIsRefusedSinceItsQueryCouldMatchNothing() {
        assertThatThrownBy(() -> new InList("ids", List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":ids");
    }
}
