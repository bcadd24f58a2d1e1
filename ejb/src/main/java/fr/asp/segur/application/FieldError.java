package fr.asp.segur.application;

/** A broken rule on one field of a form: the field's key and a French message for the user. */
public record FieldError(String field, String message) {
}
