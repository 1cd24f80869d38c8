package footnote.discord.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The emulator's TLS material and how the client comes to trust it.
 *
 * <p>The key pair is a test resource, {@code src/test/resources/discord/emulator-tls.p12} (PKCS12, password
 * {@value #PASSWORD}), generated once with
 * <pre>
 * keytool -genkeypair -alias discord -keyalg RSA -keysize 2048 -sigalg SHA256withRSA \
 *   -dname "CN=discord.com, OU=Footnote test emulator" -ext SAN=dns:discord.com -ext EKU=serverAuth \
 *   -ext KU=digitalSignature,keyEncipherment -startdate 2020/01/01 -validity 40000 \
 *   -storetype PKCS12 -keystore emulator-tls.p12 -storepass emulator -keypass emulator
 * </pre>
 * It is self-signed, valid from 2020 to 2129, and names {@code discord.com} as its only subject alternative name,
 * so the client's hostname verification stays on and passes.
 *
 * <p>Trust: Javacord 3.8.0 builds its OkHttp 4.9 client without an SSL socket factory unless
 * {@code setTrustAllCertificates(true)} is used. OkHttp then asks {@code Platform.platformTrustManager()} for
 * {@code TrustManagerFactory.getInstance(getDefaultAlgorithm()).init((KeyStore) null)} and builds its own
 * {@code SSLContext.getInstance("TLS")} around it, so {@code SSLContext.setDefault} has no effect on it. What
 * {@code init(null)} does read, every time it is called, is the {@code javax.net.ssl.trustStore*} system
 * properties (the JDK's {@code TrustStoreManager} reloads when they change). {@link #installTrust()} therefore
 * writes a PKCS12 trust store holding every certificate of the JVM's current default trust store plus the
 * emulator's certificate, and points those properties at it. Trust in the real certificate authorities is kept,
 * so other HTTPS code in the same JVM is unaffected.
 */
final class TlsSupport {

    static final String PASSWORD = "emulator";
    private static final String RESOURCE = "/discord/emulator-tls.p12";
    private static final String ALIAS = "discord";
    private static final String TRUST_ALIAS = "footnote-discord-emulator";

    private static volatile SSLContext serverContext;
    private static Path installedTrustStore;

    private TlsSupport() {
    }

    /** The server-side TLS context that presents the {@code discord.com} certificate; built once per JVM. */
    static SSLContext serverContext() {
        SSLContext context = serverContext;
        if (context == null) {
            synchronized (TlsSupport.class) {
                context = serverContext;
                if (context == null) {
                    try {
                        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                        kmf.init(keyStore(), PASSWORD.toCharArray());
                        context = SSLContext.getInstance("TLS");
                        context.init(kmf.getKeyManagers(), null, null);
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("cannot build the emulator's TLS context", e);
                    }
                    serverContext = context;
                }
            }
        }
        return context;
    }

    /**
     * Makes the emulator's certificate trusted by clients that use the JVM's default trust store (OkHttp in
     * Javacord). Idempotent; reinstalls if someone has pointed the properties elsewhere since.
     */
    static synchronized void installTrust() {
        String current = System.getProperty("javax.net.ssl.trustStore");
        if (installedTrustStore != null && installedTrustStore.toString().equals(current)
                && Files.exists(installedTrustStore)) {
            return;
        }
        try {
            KeyStore trust = currentDefaultTrustStore();
            trust.setCertificateEntry(TRUST_ALIAS, emulatorCertificate());
            Path file = Files.createTempFile("discord-emulator-truststore", ".p12");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                trust.store(out, PASSWORD.toCharArray());
            }
            System.setProperty("javax.net.ssl.trustStore", file.toString());
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
            installedTrustStore = file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot install the emulator's certificate as trusted", e);
        }
    }

    static Certificate emulatorCertificate() throws GeneralSecurityException {
        return keyStore().getCertificate(ALIAS);
    }

    private static KeyStore keyStore() throws GeneralSecurityException {
        try (InputStream in = TlsSupport.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            return ks;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    /** A fresh PKCS12 copy of whatever trust store {@code TrustManagerFactory.init(null)} would use now. */
    private static KeyStore currentDefaultTrustStore() throws IOException, GeneralSecurityException {
        KeyStore copy = KeyStore.getInstance("PKCS12");
        copy.load(null, null);
        String configured = System.getProperty("javax.net.ssl.trustStore");
        Path source;
        String type;
        char[] password;
        if (configured != null && !configured.isEmpty() && !"NONE".equals(configured)) {
            source = Path.of(configured);
            type = System.getProperty("javax.net.ssl.trustStoreType", KeyStore.getDefaultType());
            String pw = System.getProperty("javax.net.ssl.trustStorePassword");
            password = pw == null ? null : pw.toCharArray();
        } else {
            Path security = Path.of(System.getProperty("java.home"), "lib", "security");
            source = Files.exists(security.resolve("jssecacerts"))
                    ? security.resolve("jssecacerts") : security.resolve("cacerts");
            type = KeyStore.getDefaultType();
            password = null;
        }
        if (!Files.exists(source)) {
            return copy;
        }
        KeyStore original = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(source)) {
            original.load(in, password);
        }
        for (String alias : java.util.Collections.list(original.aliases())) {
            if (original.isCertificateEntry(alias)) {
                copy.setCertificateEntry(alias, original.getCertificate(alias));
            }
        }
        return copy;
    }
}
