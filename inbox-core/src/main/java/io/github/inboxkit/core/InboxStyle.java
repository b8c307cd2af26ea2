package io.github.inboxkit.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project: value types are declared as abstract
 * {@code Abstract*}-free interfaces or abstract classes and generated as {@code Immutable*} classes
 * with builders, no nulls, and {@code of(...)} factories for small types. A builder built without a
 * required value, or given {@code null}, throws {@link MissingValueException} naming the setting.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
        typeImmutable = "Immutable*",
        visibility = Value.Style.ImplementationVisibility.PUBLIC,
        defaults = @Value.Immutable(copy = true),
        allParameters = false,
        jdkOnly = true,
        get = {"is*", "get*"},
        // a builder refuses a missing or null value in the project's one voice, naming the setting
        throwForInvalidImmutableState = MissingValueException.class,
        throwForNullPointer = MissingValueException.class)
public @interface InboxStyle {}
