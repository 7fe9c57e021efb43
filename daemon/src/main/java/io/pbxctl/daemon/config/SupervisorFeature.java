package io.pbxctl.daemon.config;

/**
 * The supervisor feature codes: the code, then the target's extension (*21100 listens to 100).
 * The FastAGI {@code supervise} script authorises the pair and finds the exact channel; the
 * ChanSpy options add whisper or barge to quiet listening that ends with the target's call.
 */
public enum SupervisorFeature {

    LISTEN("*21", "qE"),
    WHISPER("*22", "qEw"),
    BARGE("*23", "qEB");

    private final String code;
    private final String spyOptions;

    SupervisorFeature(String code, String spyOptions) {
        this.code = code;
        this.spyOptions = spyOptions;
    }

    public String code() {
        return code;
    }

    /** ChanSpy options; {@code u} is added by the dialplan because the target is a channel name. */
    public String spyOptions() {
        return spyOptions;
    }
}
