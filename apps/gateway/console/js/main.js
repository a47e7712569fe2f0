// The console's entry: log in, then one view per hash (#productos, #producto/PRO001, #comandos, #colas, #enviar).
import { api, forgetToken, token } from './api.js';
import { renderCommands } from './views/commands.js';
import { renderLogin } from './views/login.js';
import { renderProduct } from './views/product.js';
import { renderProducts } from './views/products.js';
import { renderQueues } from './views/queues.js';
import { renderSend } from './views/send.js';

const view = document.getElementById('vista');
const menu = document.getElementById('menu');
let stopView;

const VIEWS = {
  productos: () => renderProducts(view),
  producto: (id) => renderProduct(view, decodeURIComponent(id ?? '')),
  comandos: () => renderCommands(view),
  colas: () => renderQueues(view),
  enviar: () => renderSend(view),
};

function show(message) {
  stopView?.();
  stopView = undefined;
  if (!token()) {
    menu.hidden = true;
    renderLogin(view, { message, onEntered: enter });
    return;
  }
  menu.hidden = false;
  const [name, ...rest] = (location.hash.slice(1) || 'productos').split('/');
  const render = VIEWS[name] ?? VIEWS.productos;
  for (const link of menu.querySelectorAll('a')) link.classList.toggle('activa', link.getAttribute('href') === `#${name === 'producto' ? 'productos' : name}`);
  stopView = render(rest.join('/'));
}

async function enter() {
  try {
    const session = await api('sesion');
    document.getElementById('etapa').textContent = session.stage;
  } catch {
    // A refused token brings the login back through the `consola:sin-token` event.
  }
  show();
}

window.addEventListener('hashchange', () => show());
window.addEventListener('consola:sin-token', () => show('La sesión terminó o el token no vale.'));
document.getElementById('salir').addEventListener('click', () => {
  forgetToken();
  show();
});

if (token()) enter();
else show();
