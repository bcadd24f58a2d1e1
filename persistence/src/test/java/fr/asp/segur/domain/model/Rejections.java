package fr.asp.segur.domain.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on {@link InvalidValueException}, shared by the value object tests. */
final class Rejections {

    private Rejections() {
    }

    static void assertRejected(ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field);
                    org.assertj.core.api.Assertions.assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    static void assertRejected(ThrowingCallable call, String field) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field));
    }
}
