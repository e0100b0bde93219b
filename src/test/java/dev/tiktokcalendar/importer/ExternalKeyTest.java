package dev.tiktokcalendar.importer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Editor ids become keys that compare like the key column's case- and accent-insensitive collation. */
class ExternalKeyTest {

    @Test
    void asciiIdsStayReadableAndIgnoreCase() {
        assertThat(CalendarRowValidator.externalKey("Spring-01")).isEqualTo("id:spring-01");
        assertThat(CalendarRowValidator.externalKey("SPRING-01")).isEqualTo(CalendarRowValidator.externalKey("spring-01"));
    }

    @Test
    void otherIdsAreHashedInTheirComposedForm() {
        String composed = "caf\u00e9 1";
        String decomposed = "cafe\u0301 1";

        assertThat(CalendarRowValidator.externalKey(composed)).startsWith("idh:").hasSize(44)
                .isEqualTo(CalendarRowValidator.externalKey(decomposed))
                .isNotEqualTo(CalendarRowValidator.externalKey("cafe 1"));
    }
}
