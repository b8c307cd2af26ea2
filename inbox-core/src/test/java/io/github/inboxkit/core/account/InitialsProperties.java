package io.github.inboxkit.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotBlank;
import net.jqwik.api.constraints.StringLength;

class InitialsProperties {

    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    @Example
    @Label("F9 a ligature that upper-cases to several letters stays one initial (a failing sample once)")
    void ligature() {
        initialsAreShort("\uFB03");
        initialsAreShort("\uFB04 Durand");
    }

    @Property
    @Label("F9 initials of any display name are one or two whole characters, never empty")
    void initialsAreShort(@ForAll @NotBlank @StringLength(max = 40) String displayName) {
        String initials = Initials.of(displayName);
        Matcher graphemes = GRAPHEME.matcher(initials);
        int count = 0;
        while (graphemes.find()) {
            count++;
        }
        assertThat(initials).isNotEmpty();
        assertThat(count).isBetween(1, 2);
    }
}
