package com.bellyfed.kit.problem;

/**
 * One invalid piece of input, an element of a problem's {@code errors}.
 *
 * @param field the parameter, header or JSON path (e.g. {@code address.city}, {@code tags[2]}) as
 *     the client sent it
 * @param reason what is wrong and, where it helps, what is allowed
 */
public record FieldError(String field, String reason) {}
