import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { outcomeTable } from './outcome-table.js';

/**
 * Which fields each route's form shows, in the contract's names, and how they make the body. A hold's form
 * sends one line (the API takes up to 25). A reservation's step names its hold in the path: the form's
 * orden_id goes there, and the body is left empty.
 */
const ROUTES = {
  'orden-compra': { titulo: 'Compra', campos: ['producto_id', 'cantidad', 'nombre', 'precio', 'ubicacion_id'] },
  'orden-venta': { titulo: 'Venta', campos: ['producto_id', 'cantidad', 'ubicacion_id'] },
  'actualizar-producto': { titulo: 'Actualización', campos: ['producto_id', 'nombre', 'precio', 'cantidad', 'estado', 'ubicacion_id'] },
  'eliminar-productos': { titulo: 'Baja', campos: ['producto_id'] },
  'transferir-stock': { titulo: 'Transferencia', campos: ['producto_id', 'cantidad', 'desde', 'hacia'] },
  reservas: {
    titulo: 'Reserva',
    campos: ['producto_id', 'cantidad', 'ubicacion_id', 'expira_en_s'],
    cuerpo: ({ orden_id, expira_en_s, ...line }) => ({ ...(orden_id && { orden_id }), items: [line], ...(expira_en_s && { expira_en_s }) }),
  },
  'reservas/{orden_id}/confirmar': { titulo: 'Confirmar reserva', campos: [], enRuta: true },
  'reservas/{orden_id}/liberar': { titulo: 'Liberar reserva', campos: [], enRuta: true },
};

const NUMBERS = new Set(['cantidad', 'precio', 'expira_en_s']);

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
    ubicacion_id: el('input', { id: 'f-ubicacion_id', name: 'ubicacion_id', placeholder: 'CENTRAL' }),
    desde: el('input', { id: 'f-desde', name: 'desde', placeholder: 'CENTRAL' }),
    hacia: el('input', { id: 'f-hacia', name: 'hacia', placeholder: 'TIENDA-01' }),
    expira_en_s: el('input', { id: 'f-expira_en_s', name: 'expira_en_s', type: 'number', min: '60', max: '86400', step: '1', inputmode: 'numeric', placeholder: '900' }),
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
    const spec = ROUTES[route.value];
    if (spec.enRuta) return '';
    const command = {};
    if (inputs.orden_id.value.trim() !== '') command.orden_id = inputs.orden_id.value.trim();
    for (const name of spec.campos) {
      const value = inputs[name].value.trim();
      if (value === '') continue;
      command[name] = NUMBERS.has(name) ? Number(value) : name === 'estado' ? value === 'true' : value;
    }
    return JSON.stringify(spec.cuerpo ? spec.cuerpo(command) : command);
  };

  /** Where the form posts: the route, with the hold's id in it for a step. */
  const sentTo = () => `/${route.value.replace('{orden_id}', encodeURIComponent(inputs.orden_id.value.trim()))}`;

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
          const accepted = await api(`enviar${sentTo()}`, { method: 'POST', body: body() });
          // A step names a hold: the next step may be on the same one.
          if (!ROUTES[route.value].enRuta) inputs.orden_id.value = newOrdenId();
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
