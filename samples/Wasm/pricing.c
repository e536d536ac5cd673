// A pricing plugin compiled to WebAssembly (see build.sh). It knows nothing of .NET: it imports two
// functions of module "shop", which the host provides from a generated [HostProfile].
__attribute__((import_module("shop"), import_name("unitPrice"))) double unit_price(int sku);
__attribute__((import_module("shop"), import_name("flag"))) void flag(int order, double total);

// The total of an order of `lines` lines starting at product `first_sku`: quantity 1, 2, 3, 1, 2, 3, …
// with 5% off past 100 units; orders over 1000 are flagged to the host.
__attribute__((export_name("orderTotal"))) double order_total(int order, int first_sku, int lines) {
    double total = 0;
    int units = 0;
    for (int i = 0; i < lines; i++) {
        int quantity = 1 + i % 3;
        units += quantity;
        total += unit_price(first_sku + i) * quantity;
    }
    if (units > 100)
        total *= 0.95;
    if (total > 1000)
        flag(order, total);
    return total;
}
