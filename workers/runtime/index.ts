export { exposeTrainer } from './expose';
export { createTrainerHost, type BackendServices } from './host';
