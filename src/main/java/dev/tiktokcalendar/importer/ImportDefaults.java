package dev.tiktokcalendar.importer;

/**
 * What the command line adds to every row of a file that does not say it itself: the account, the zone, the
 * privacy level (presets have no column for them), and how to read a preset's day/month order.
 *
 * @param account  {@code --account}: username or open_id, or null
 * @param timezone {@code --timezone}: IANA zone id, or null (then the account's zone)
 * @param privacy  {@code --privacy}, or null
 * @param dayFirst how {@code 01/02/2026} reads in Sprout and Hootsuite files: true = 1 February (dd/mm/yyyy)
 */
public record ImportDefaults(String account, String timezone, String privacy, boolean dayFirst) {

    public static final ImportDefaults NONE = new ImportDefaults(null, null, null, true);
}
