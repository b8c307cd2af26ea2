package io.github.inboxkit.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.inboxkit.core.InboxException;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.text.Encoding;
import io.github.inboxkit.core.text.MalformedTextException;
import io.github.inboxkit.core.text.SegmentCounter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTest {

    private static final MergeFields ANA = MergeFields.builder()
            .firstName("Ana")
            .lastName("Diaz")
            .phone(new PhoneNumber("+33612345678"))
            .putCustom("plan", "Gold")
            .putCustom("appointment date", "12 May")
            .putCustom("blank", "   ")
            .build();

    private static String fill(String body, MergeFields fields) {
        return Template.of("t", body).fill(fields);
    }

    @Nested
    class Filling {

        @Test
        @DisplayName("F23 built-in and custom merge fields are filled from the contact")
        void builtInAndCustomFields() {
            Template template = Template.of("Welcome", "Hi {{firstName}} {{lastName}} ({{fullName}}, {{phone}}): your {{plan}} plan, {{appointment date}}.");

            assertThat(template.fill(ANA))
                    .isEqualTo("Hi Ana Diaz (Ana Diaz, +33612345678): your Gold plan, 12 May.");
            assertThat(template.fieldNames())
                    .containsExactly("firstName", "lastName", "fullName", "phone", "plan", "appointment date");
        }

        @ParameterizedTest
        @CsvSource(delimiterString = " => ", value = {
            "Hi {{ firstName }}! => Hi Ana!",
            "Hi {{firstName|there}}! => Hi Ana!",
            "Hi {{ nickname | there }}! => Hi there!",
            "Hi {{nickname|my friend}}! => Hi my friend!",
            "Hi{{nickname|}}! => Hi!",
            "Hi {{blank|you}}! => Hi you!",
            "{{firstName}}{{firstName}} => AnaAna"
        })
        @DisplayName("F23 whitespace inside braces is ignored; a fallback replaces a missing or blank field")
        void fallbacksAndWhitespace(String body, String expected) {
            assertThat(fill(body, ANA)).isEqualTo(expected);
        }

        @Test
        @DisplayName("F23 a missing field without fallback is a typed error naming the field; blank counts as missing")
        void missingField() {
            MergeFields noFirstName = MergeFields.builder().firstName("  ").lastName("Diaz").build();
            Template template = Template.of("Reminder", "Hi {{firstName}}, see you {{day|soon}}");

            MissingMergeFieldException missing =
                    catchThrowableOfType(MissingMergeFieldException.class, () -> template.fill(noFirstName));

            assertThat(missing).isInstanceOf(InboxException.class);
            assertThat(missing.field()).isEqualTo("firstName");
            assertThat(missing.missingFields()).containsExactly("firstName");
            assertThat(missing.templateName()).isEqualTo("Reminder");
            assertThat(missing).hasMessageContaining("'firstName'").hasMessageContaining("{{firstName|");
        }

        @Test
        @DisplayName("F23 every missing field is reported once, in template order")
        void allMissingFieldsReported() {
            Template template = Template.of("t", "{{b}} {{a}} {{b}} {{c|x}} {{firstName}}");

            MissingMergeFieldException missing =
                    catchThrowableOfType(MissingMergeFieldException.class, () -> template.fill(MergeFields.empty()));

            assertThat(missing.field()).isEqualTo("b");
            assertThat(missing.missingFields()).containsExactly("b", "a", "firstName");
        }

        @Test
        @DisplayName("F23 fullName falls back to first and last names, and built-in names win over custom fields")
        void fullNameAndPrecedence() {
            assertThat(fill("{{fullName}}", MergeFields.builder().firstName("Ana").build())).isEqualTo("Ana");
            assertThat(fill("{{fullName}}", MergeFields.builder().lastName("Diaz").build())).isEqualTo("Diaz");
            assertThat(fill("{{fullName}}", MergeFields.builder().from(ANA).fullName("Ana María Díaz").build())).isEqualTo("Ana María Díaz");
            assertThat(fill("{{firstName}}", MergeFields.builder().firstName("Ana").putCustom("firstName", "X").build()))
                    .isEqualTo("Ana");
            assertThat(fill("{{ firstName }}", MergeFields.builder().firstName("  Ana ").build())).isEqualTo("Ana");
        }

        @Test
        @DisplayName("F23 merge fields never print personal values in toString")
        void toStringHidesValues() {
            assertThat(ANA.toString()).contains("firstName", "plan").doesNotContain("Ana", "Gold", "+336");
        }
    }

    @Nested
    class Rendering {

        @Test
        @DisplayName("F23 the rendered text goes through the segment counter")
        void renderedTextIsCounted() {
            RenderedTemplate rendered = Template.of("t", "Hi {{firstName}}, ça va ?").render(ANA);

            assertThat(rendered.text()).isEqualTo("Hi Ana, ça va ?");
            assertThat(rendered.count()).isEqualTo(SegmentCounter.standard().count("Hi Ana, ça va ?"));
            assertThat(rendered.count().encoding()).isEqualTo(Encoding.UCS_2); // lowercase ç is not GSM
            assertThat(rendered.count().nonGsmCharacters()).containsExactly("ç");
            assertThat(rendered.toString()).doesNotContain("Ana");
        }

        @Test
        @DisplayName("F23 a merged value decides the encoding: an emoji in a custom field makes the message UCS-2")
        void mergedValueDecidesEncoding() {
            Template template = Template.of("t", "Your status: {{status}}");

            assertThat(template.render(MergeFields.builder().putCustom("status", "ok").build()).count().encoding())
                    .isEqualTo(Encoding.GSM_7);
            RenderedTemplate withEmoji = template.render(MergeFields.builder().putCustom("status", "ok 👍").build());
            assertThat(withEmoji.count().encoding()).isEqualTo(Encoding.UCS_2);
            assertThat(withEmoji.count().segmentCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("F23 rendering uses the account's counter: smart encoding keeps a curly apostrophe out of UCS-2")
        void accountCounter() {
            Template template = Template.of("t", "It\u2019s ready, {{firstName}}");
            SegmentCounter smart = SegmentCounter.builder().smartEncoding(true).build();

            assertThat(template.render(ANA).count().encoding()).isEqualTo(Encoding.UCS_2);
            RenderedTemplate rendered = template.render(ANA, smart);
            assertThat(rendered.text()).isEqualTo("It\u2019s ready, Ana");
            assertThat(rendered.count().encoding()).isEqualTo(Encoding.GSM_7);
            assertThat(rendered.count().text()).isEqualTo("It's ready, Ana");
        }

        @Test
        @DisplayName("F23 a value holding a lone surrogate is refused by the counter, not sent")
        void malformedValue() {
            Template template = Template.of("t", "Hi {{firstName}}");

            assertThatThrownBy(() -> template.render(MergeFields.builder().firstName("A\uD800").build()))
                    .isInstanceOf(MalformedTextException.class);
        }
    }

    @Nested
    class Escaping {

        @ParameterizedTest
        @CsvSource(delimiterString = " => ", value = {
            "\\{{firstName\\}} => {{firstName}}",
            "a \\\\ b => a \\ b",
            "\\\\{{firstName}} => \\Ana",
            "{ single } braces => { single } braces",
            "\\o/ and C:\\path => \\o/ and C:\\path",
            "{{nickname|a \\}\\} b}} => a }} b",
            "{{nickname|x \\| y}} => x | y",
            "{{nickname|x | y}} => x | y"
        })
        @DisplayName("F23 a backslash escapes braces and backslashes; single braces and other backslashes are literal")
        void escapes(String body, String expected) {
            assertThat(fill(body, ANA)).isEqualTo(expected);
        }
    }

    @Nested
    class Refused {

        @ParameterizedTest
        @CsvSource(delimiterString = " => ", value = {
            "Hi {{firstName => 3 => never closed",
            "Hi {{firstName} => 3 => never closed",
            "ok {{a}} then {{b => 14 => never closed",
            "Hi {{first {{last}} => 3 => before the next '{{' at position 11",
            "Hi firstName}} => 12 => closes no merge field",
            "\\{{firstName}} => 12 => closes no merge field",
            "Hi {{}} => 3 => has no name",
            "Hi {{  |x}} => 3 => has no name",
            "Hi {{first!}} => 3 => may hold only"
        })
        @DisplayName("F23 a malformed template is refused when created, with the position of the fault")
        void malformed(String body, int position, String problem) {
            MalformedTemplateException malformed =
                    catchThrowableOfType(MalformedTemplateException.class, () -> Template.of("Promo", body));

            assertThat(malformed).isInstanceOf(InboxException.class);
            assertThat(malformed.position()).isEqualTo(position);
            assertThat(malformed.problem()).contains(problem);
            assertThat(malformed.templateName()).isEqualTo("Promo");
            assertThat(malformed).hasMessageContaining("position " + position);
        }

        @Test
        @DisplayName("F23 a template needs a non-blank name of at most 100 characters and a non-blank body")
        void nameAndBody() {
            assertThat(catchThrowableOfType(InvalidTemplateException.class, () -> Template.of(" ", "Hi")).reason())
                    .isEqualTo(InvalidTemplateException.Reason.BLANK_NAME);
            assertThat(catchThrowableOfType(InvalidTemplateException.class, () -> Template.of("x".repeat(101), "Hi"))
                            .reason())
                    .isEqualTo(InvalidTemplateException.Reason.NAME_TOO_LONG);
            assertThat(catchThrowableOfType(InvalidTemplateException.class, () -> Template.of("t", " \n ")).reason())
                    .isEqualTo(InvalidTemplateException.Reason.BLANK_BODY);
            assertThat(Template.of("  Reminder ", "Hi").name()).isEqualTo("Reminder");
            assertThatThrownBy(() -> Template.of("t", null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        @DisplayName("templates are values: equal by name and body")
        void equality() {
            assertThat(Template.of("a", "Hi {{firstName}}")).isEqualTo(Template.of(" a ", "Hi {{firstName}}"))
                    .isNotEqualTo(Template.of("a", "Hi {{ firstName }}"))
                    .hasToString("Template[a]");
        }
    }

    @Property(tries = 300)
    @Label("F23 text without braces or backslashes renders unchanged")
    void plainTextIsUnchanged(@ForAll @StringLength(min = 1, max = 200) String text) {
        String plain = text.replaceAll("[{}\\\\]", "x");
        if (plain.isBlank()) {
            plain = plain + "a";
        }

        assertThat(fill(plain, MergeFields.empty())).isEqualTo(plain);
    }

    @Property(tries = 300)
    @Label("F23 any text escaped by doubling backslashes and escaping braces renders back to itself")
    void escapingRoundTrips(
            @ForAll @StringLength(min = 1, max = 100) @Chars({'{', '}', '\\', '|', ' ', 'a'}) @CharRange(from = 'x', to = 'z')
                    String text) {
        String escaped = text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}");
        String body = "{{firstName}}:" + escaped;

        assertThat(fill(body, ANA)).isEqualTo("Ana:" + text);
    }

    @Property(tries = 300)
    @Label("F23 any body is either a template or refused with MalformedTemplateException, and filling never fails otherwise")
    void anyBodyParsesOrIsRefused(
            @ForAll @StringLength(min = 1, max = 60) @Chars({'{', '}', '\\', '|', ' ', 'a', 'f'}) String body) {
        Template template;
        try {
            template = Template.of("t", body);
        } catch (MalformedTemplateException | InvalidTemplateException refused) {
            return;
        }
        try {
            assertThat(template.fill(MergeFields.builder().putCustom("a", "A").putCustom("f", "F").build())).isNotNull();
        } catch (MissingMergeFieldException missing) {
            assertThat(template.fieldNames()).contains(missing.field());
        }
    }
}
