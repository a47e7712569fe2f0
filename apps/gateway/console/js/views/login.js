import { api, forgetToken, saveToken } from '../api.js';
import { el, replace } from '../dom.js';

/** Asks for the console's token, checks it against the API and keeps it for this tab only. */
export function renderLogin(container, { onEntered, message }) {
  const input = el('input', { id: 'token', type: 'password', autocomplete: 'current-password', required: true });
  const status = el('p', { id: 'login-estado', class: 'aviso' }, message ?? '');
  const form = el(
    'form',
    {
      id: 'login',
      class: 'tarjeta',
      onsubmit: async (event) => {
        event.preventDefault();
        saveToken(input.value.trim());
        try {
          await api('sesion', { probe: true });
          onEntered();
        } catch (error) {
          forgetToken();
          status.textContent = error.status === 401 ? 'Token incorrecto' : `No se pudo entrar: ${error.message}`;
        }
      },
    },
    el('h2', {}, 'Entrar'),
    el('p', { class: 'tenue' }, 'El token de la consola (CONSOLA_TOKEN). Se guarda solo en esta pestaña.'),
    el('label', {}, 'Token', input),
    el('p', {}, el('button', { type: 'submit' }, 'Entrar')),
    status,
  );
  replace(container, form);
  input.focus();
}
