// Stripe's card element on the checkout page: the card number is typed into Stripe's own frame and sent to Stripe,
// never to TicketHub; the page gets back only a payment-method id to buy with.
let stripe;
let card;

function loadStripe() {
    if (window.Stripe) return Promise.resolve();
    return new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = 'https://js.stripe.com/v3/';
        script.onload = resolve;
        script.onerror = () => reject(new Error('Stripe.js could not be loaded.'));
        document.head.appendChild(script);
    });
}

export async function mount(publishableKey, elementId) {
    await loadStripe();
    stripe = window.Stripe(publishableKey);
    card = stripe.elements().create('card');
    card.mount('#' + elementId);
}

export async function createPaymentMethod() {
    if (!stripe || !card) return { error: 'The card form is not ready yet.' };
    const { paymentMethod, error } = await stripe.createPaymentMethod({ type: 'card', card });
    return error ? { error: error.message } : { id: paymentMethod.id };
}
