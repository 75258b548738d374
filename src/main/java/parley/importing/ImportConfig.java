package parley.importing;

/** Settings of the admin upload; built from {@code ParleyConfig.maxUploadBytes} ({@code import.max.upload.bytes}). */
public record ImportConfig(long maxUploadBytes) {}
