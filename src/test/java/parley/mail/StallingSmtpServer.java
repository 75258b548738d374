package parley.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * An SMTP server that takes a whole message and then never answers the final dot: the sender is left mid-send,
 * waiting for the "250" that would make the message delivered.
 */
final class StallingSmtpServer implements AutoCloseable {
  private final ServerSocket socket = new ServerSocket(0);
  private final List<Socket> clients = new CopyOnWriteArrayList<>();
  final CountDownLatch messageBodyReceived = new CountDownLatch(1);

  StallingSmtpServer() throws IOException {
    Thread t = new Thread(this::accept, "stalling-smtp");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket c = socket.accept();
        clients.add(c);
        Thread t = new Thread(() -> talk(c), "stalling-smtp-client");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void talk(Socket c) {
    try (c) {
      var in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = c.getOutputStream();
      say(out, "220 stalling ESMTP");
      boolean data = false;
      for (String line; (line = in.readLine()) != null; ) {
        if (data) {
          if (line.equals(".")) {
            messageBodyReceived.countDown();
            Thread.sleep(Long.MAX_VALUE); // never acknowledge: the message is not delivered
          }
          continue;
        }
        String cmd = line.toUpperCase(java.util.Locale.ROOT);
        if (cmd.startsWith("EHLO") || cmd.startsWith("HELO")) say(out, "250 stalling");
        else if (cmd.startsWith("DATA")) {
          say(out, "354 go on");
          data = true;
        } else say(out, "250 ok");
      }
    } catch (IOException | InterruptedException e) {
      // the client went away or the test ended
    }
  }

  private static void say(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket c : clients) c.close();
  }
}
