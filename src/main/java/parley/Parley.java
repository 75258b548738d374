package parley;

public final class Parley {
  public static void main(String[] args) {}
}
