import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { outcomeTable } from './outcome-table.js';

/** Which fields each route's form shows, in the contract's names. */
const ROUTES = {
  'orden-compra': { titulo: 'Compra', campos: ['producto_id', 'cantidad', 'nombre', 'precio'] },
  'orden-venta': { titulo: 'Venta', campos: ['producto_id', 'cantidad'] },
  'actualizar-producto': { titulo: 'Actualización', campos: ['producto_id', 'nombre', 'precio', 'cantidad', 'estado'] },
  'eliminar-productos': { titulo: 'Baja', campos: ['producto_id'] },
};

const POLL_MS = 500;
const POLL_TRIES = 60;

function newOrdenId() {
  return `consola-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * A command from a form. The body goes to the console API as a client would send it; the server signs it
 * with the gateway's key and hands it to the same route code. Then its outcome is followed.
 */
export function renderSend(container) {
  const inputs = {
    orden_id: el('input', { id: 'f-orden_id', name: 'orden_id', value: newOrdenId() }),
    producto_id: el('input', { id: 'f-producto_id', name: 'producto_id', placeholder: 'PRO001', required: true }),
    cantidad: el('input', { id: 'f-cantidad', name: 'cantidad', type: 'number', min: '0', step: '1', inputmode: 'numeric' }),
    nombre: el('input', { id: 'f-nombre', name: 'nombre' }),
    precio: el('input', { id: 'f-precio', name: 'precio', type: 'number', min: '0', step: '0.01', inputmode: 'decimal' }),
    estado: el('select', { id: 'f-estado', name: 'estado' }, el('option', { value: '' }, 'sin cambio'), el('option', { value: 'true' }, 'activo'), el('option', { value: 'false' }, 'inactivo')),
  };
  const labels = Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, el('label', {}, name, input)]));
  const route = el('select', { id: 'f-ruta', name: 'ruta' }, Object.entries(ROUTES).map(([value, { titulo }]) => el('option', { value }, titulo)));
  const result = el('div', { id: 'envio-resultado' });
  let stopped = false;

  const showFields = () => {
    const wanted = ROUTES[route.value].campos;
    for (const [name, label] of Object.entries(labels)) label.hidden = name !== 'orden_id' && !wanted.includes(name);
  };
  route.addEventListener('change', showFields);

  const body = () => {
    const command = {};
    if (inputs.orden_id.value.trim() !== '') command.orden_id = inputs.orden_id.value.trim();
    for (const name of ROUTES[route.value].campos) {
      const value = inputs[name].value.trim();
      if (value === '') continue;
      command[name] = name === 'cantidad' || name === 'precio' ? Number(value) : name === 'estado' ? value === 'true' : value;
    }
    return JSON.stringify(command);
  };

  const follow = async (ordenId, ruta) => {
    for (let tries = 0; tries < POLL_TRIES && !stopped; tries += 1) {
      const { data } = await api(`comandos/${encodeURIComponent(ordenId)}`);
      const outcome = data.find((candidate) => candidate.ruta === ruta);
      if (outcome) replace(result, el('p', {}, `Aceptado: ${ordenId}`), outcomeTable('envio', [outcome]));
      if (outcome && outcome.estado !== 'PENDIENTE') return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  const form = el(
    'form',
    {
      id: 'enviar-form',
      class: 'tarjeta',
      onsubmit: async (event) => {
        event.preventDefault();
        const ruta = `/${route.value}`;
        replace(result, el('p', { class: 'tenue' }, 'Enviando…'));
        try {
          const accepted = await api(`enviar${ruta}`, { method: 'POST', body: body() });
          inputs.orden_id.value = newOrdenId();
          await follow(accepted.orden_id, ruta);
        } catch (error) {
          replace(
            result,
            el('p', { class: 'aviso', id: 'envio-error' }, `${error.codigo ?? ''} ${error.message}`),
            (error.detalles ?? []).map((detalle) => el('div', { class: 'aviso' }, `${detalle.campo}: ${detalle.mensaje}`)),
          );
        }
      },
    },
    el('div', { class: 'campos' }, el('label', {}, 'Operación', route), Object.values(labels)),
    el('p', {}, el('button', { type: 'submit', id: 'enviar-boton' }, 'Enviar')),
    el('p', { class: 'tenue' }, 'El servidor firma el comando con la clave del gateway; ninguna clave llega al navegador.'),
  );
  replace(container, el('h2', {}, 'Enviar un comando'), form, result);
  showFields();
  return () => {
    stopped = true;
  };
}
