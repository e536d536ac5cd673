// A pricing rule, as a host application would load it from its plugins folder.
// Set a breakpoint anywhere here before the program runs it: it binds.

function discountFor(customer) {
    if (customer.orders > 10) return 0.15;
    if (customer.orders > 3) return 0.05;
    return 0;
}

function price(order, customer) {
    const subtotal = order.items.reduce((sum, item) => sum + item.price * item.quantity, 0);
    const discount = discountFor(customer);
    const total = subtotal * (1 - discount);
    console.log(`order ${order.id}: subtotal ${subtotal}, discount ${discount * 100}%`);
    return Math.round(total * 100) / 100;
}

const order = { id: 'A-1001', items: [{ price: 12.5, quantity: 4 }, { price: 3, quantity: 10 }] };
price(order, { name: 'Ada', orders: 12 });
