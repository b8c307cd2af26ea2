package io.github.inboxkit.examples;

import io.github.inboxkit.core.phone.PhoneNumber;

/**
 * The quick start: InboxKit on its embedded default. It grows with the library; today it shows the
 * parts that exist.
 */
public final class QuickStart {

    private QuickStart() {}

    /**
     * Runs the quick start.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        PhoneNumber number = PhoneNumber.parse("06 12 34 56 78", "FR");
        System.out.println("InboxKit quick start");
        System.out.println("  '06 12 34 56 78' in region FR is stored as " + number.e164());
    }
}
