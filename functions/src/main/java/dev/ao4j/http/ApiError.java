package dev.ao4j.http;

/** AO's error body: {@code {"error": "..."}}. */
public record ApiError(String error) {}
