package footnote.deployment;

/**
 * Spaces the gateway logins (IDENTIFY) of every process of a deployment: Discord allows one every 5 seconds per
 * bot, and a library can only space the logins of its own process.
 */
@FunctionalInterface
public interface LoginGate {

    /** Blocks until this process may send the next IDENTIFY. */
    void await() throws InterruptedException;
}
