package org.flowlab.sim.catalog;

/**
 * The key of {@code retail-etl}'s revenue per store and product: both ids in one long, the store in
 * the high 32 bits and the product in the low 32, so that {@code (store, product) -> key} is
 * reversible and keys sort by store, then product. Store 3, product 17 is {@code 3 << 32 | 17}
 * = 12884901905; {@link #of(long)} reads it back.
 *
 * @param store   the store id, 0 to 2^31 - 1
 * @param product the product id, 0 to 2^31 - 1
 */
public record StoreProduct(long store, long product) {

    private static final long LIMIT = 1L << 31;

    public StoreProduct {
        if (store < 0 || store >= LIMIT || product < 0 || product >= LIMIT) {
            throw new IllegalArgumentException("store " + store + " and product " + product
                    + " must both be from 0 to 2^31 - 1 to share one key");
        }
    }

    /** The pair a key stands for. */
    public static StoreProduct of(long key) {
        return new StoreProduct(key >>> 32, key & 0xFFFF_FFFFL);
    }

    /** The key of a store and a product. */
    public static long key(long store, long product) {
        return new StoreProduct(store, product).key();
    }

    /** This pair as one key. */
    public long key() {
        return store << 32 | product;
    }

    @Override
    public String toString() {
        return "store " + store + " product " + product;
    }
}
